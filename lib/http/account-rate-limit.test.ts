import { describe, expect, it } from "vitest";
import { accountRateLimitRefusal, ACCOUNT_RATE_LIMITS } from "./account-rate-limit";

describe("rate limits of the signed-out account forms", () => {
  it("lets three reset requests for one email through in 15 minutes, refuses the fourth, and counts other emails apart", async () => {
    const check = (email: string) => accountRateLimitRefusal([[ACCOUNT_RATE_LIMITS.passwordResetByEmail, { kind: "address", address: `mail:${email}` }]]);
    for (let i = 0; i < 3; i++) expect(await check("limited@example.com")).toBeNull();
    expect(await check("limited@example.com")).toMatch(/^Too many attempts\. Try again in 1[0-5] minutes\.$/);
    expect(await check("someone-else@example.com")).toBeNull();
  });

  it("refuses the eleventh sign-up from one address within the hour", async () => {
    const check = () => accountRateLimitRefusal([[ACCOUNT_RATE_LIMITS.signUp, { kind: "address", address: "203.0.113.7" }]]);
    for (let i = 0; i < 10; i++) expect(await check()).toBeNull();
    expect(await check()).toMatch(/^Too many attempts/);
    expect(await accountRateLimitRefusal([[ACCOUNT_RATE_LIMITS.signUp, { kind: "address", address: "203.0.113.8" }]])).toBeNull();
  });
});

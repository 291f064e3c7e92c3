import { afterEach, describe, expect, it } from "vitest";
import { env } from "@/lib/env";
import { clientAddress } from "./oauth-response";

const request = (headers: Record<string, string>) => new Request("http://localhost:3000/oauth/token", { headers });
const setTrust = (value: "0" | "1") => Object.assign(env, { HOURBOOK_TRUST_PROXY: value });

afterEach(() => setTrust("1"));

describe("clientAddress (the rate-limit key)", () => {
  it("ignores X-Forwarded-For unless a proxy is trusted: callers cannot pick their own bucket", () => {
    setTrust("0");
    expect(clientAddress(request({ "x-forwarded-for": "203.0.113.9" }))).toBe("direct");
  });

  it("behind a trusted proxy, uses the address the proxy appended, not what the caller sent", () => {
    setTrust("1");
    expect(clientAddress(request({ "x-forwarded-for": "1.2.3.4, 198.51.100.7" }))).toBe("198.51.100.7");
    expect(clientAddress(request({ "x-real-ip": "198.51.100.8" }))).toBe("198.51.100.8");
    expect(clientAddress(request({}))).toBe("direct");
  });
});

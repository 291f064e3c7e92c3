/**
 * Signing in applies no password rule: any refusal is the same "wrong email or password" (the
 * form's answer to `null`), an over-long password costs no bcrypt run, and a password chosen
 * before the 72-byte limit (up to 200 characters) still signs in.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import * as password from "@/lib/domain/users/password";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createUser } from "@/prisma/seed/factories";
import { getAuthOptions } from "./auth-options";

type Authorize = (credentials: Record<string, string>) => Promise<{ id: string } | null>;
let authorize: Authorize;

beforeAll(async () => {
  await loadDemoData();
  const provider = getAuthOptions().providers[0] as unknown as { options: { authorize: Authorize } };
  authorize = provider.options.authorize;
});

describe("signing in with a password the rules for new passwords would refuse", () => {
  it("signs in with a 150-character password set before the 72-byte limit", async () => {
    const legacy = "an old and very long passphrase ".repeat(5).slice(0, 150);
    const user = await createUser(db, { password: legacy });
    await expect(authorize({ email: user.email, password: legacy })).resolves.toMatchObject({ id: user.id });
  });

  it.each([
    ["over 72 bytes", "🔑".repeat(30)],
    ["with control characters", "wrong\u0000password\n"],
    ["of 10,000 characters", "x".repeat(10_000)],
  ])("answers a wrong password %s as wrong credentials, saying no rule", async (_, wrong) => {
    const user = await createUser(db);
    await expect(authorize({ email: user.email, password: wrong })).resolves.toBeNull();
  });

  it("refuses an over-long password without running bcrypt", async () => {
    const user = await createUser(db);
    const verify = vi.spyOn(password, "verifyPassword");
    const started = performance.now();
    await expect(authorize({ email: user.email, password: "x".repeat(1_000_000) })).resolves.toBeNull();
    expect(performance.now() - started).toBeLessThan(1000);
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
  });
});

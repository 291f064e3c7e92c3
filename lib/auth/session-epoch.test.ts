import type { Session } from "next-auth";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setClock } from "@/lib/domain/clock";
import { listAccountMessages } from "@/lib/domain/outbox/list-account-messages";
import { disableUser } from "@/lib/domain/users/disable-user";
import { enableUser } from "@/lib/domain/users/enable-user";
import { getSessionUser } from "@/lib/domain/users/get-active-user";
import { requestPasswordReset } from "@/lib/domain/users/request-password-reset";
import { resetPassword } from "@/lib/domain/users/reset-password";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createUser } from "@/prisma/seed/factories";
import { sessionFromToken, signInClaims } from "./auth-options";

beforeAll(async () => {
  await loadDemoData();
});
afterEach(() => setClock(null));

/** Signs in at `at` the way next-auth does (jwt callback with `user`), then reads the session on a later request (jwt callback without `user`). */
function signInAt(userId: string, at: Date): { userId: string; signedInAt: number | null } {
  setClock(() => at);
  const token = signInClaims({ token: { iat: Math.floor(at.getTime() / 1000) }, user: { id: userId } });
  setClock(null);
  const later = signInClaims({ token: { ...token, iat: Math.floor(Date.now() / 1000) } });
  const session = sessionFromToken({ session: { user: {}, expires: "" } as Session, token: later });
  return { userId: (session.user as { id: string }).id, signedInAt: session.signedInAt };
}

async function resetByLink(email: string, password: string) {
  await requestPasswordReset({ email });
  const [message] = await listAccountMessages({ to: email, limit: 1 });
  const token = message?.body.match(/\/reset-password\/(\S+)/)?.[1] ?? "";
  await resetPassword(token, { password, confirm: password });
}

describe("session resolution after a password reset", () => {
  it("keeps the sign-in time across re-issued tokens (not next-auth's refreshed iat)", () => {
    const at = new Date(Date.now() - 3_600_000);
    expect(signInAt("u1", at)).toEqual({ userId: "u1", signedInAt: at.getTime() });
  });

  it("refuses a session signed in before the reset and accepts one signed in after", async () => {
    const user = await createUser(db);
    const before = signInAt(user.id, new Date(Date.now() - 60_000));
    expect(await getSessionUser(before.userId, before.signedInAt)).toMatchObject({ user: { id: user.id } });

    await resetByLink(user.email, "a-brand-new-password");
    expect(await getSessionUser(before.userId, before.signedInAt)).toEqual({ refused: "ended" });

    const after = signInAt(user.id, new Date(Date.now() + 1));
    expect(await getSessionUser(after.userId, after.signedInAt)).toMatchObject({ user: { id: user.id, email: user.email } });
  });

  it("refuses a session without a sign-in time once the account has a session epoch, and accepts it before", async () => {
    const user = await createUser(db);
    expect(await getSessionUser(user.id, null)).toMatchObject({ user: { id: user.id } });
    await resetByLink(user.email, "a-brand-new-password");
    expect(await getSessionUser(user.id, null)).toEqual({ refused: "ended" });
  });

  it("leaves other people's sessions alone", async () => {
    const [user, other] = [await createUser(db), await createUser(db)];
    const theirs = signInAt(other.id, new Date(Date.now() - 60_000));
    await resetByLink(user.email, "a-brand-new-password");
    expect(await getSessionUser(theirs.userId, theirs.signedInAt)).toMatchObject({ user: { id: other.id } });
  });

  it("refuses a session of an unknown user", async () => {
    expect(await getSessionUser("no-such-user", Date.now())).toEqual({ refused: "inactive" });
  });
});

describe("session resolution after disabling an account", () => {
  it("refuses the session while disabled and still after re-enabling; a new sign-in works", async () => {
    const user = await createUser(db);
    const before = signInAt(user.id, new Date(Date.now() - 60_000));
    await disableUser({ id: user.id }, "operator");
    expect(await getSessionUser(before.userId, before.signedInAt)).toEqual({ refused: "inactive" });
    await enableUser({ id: user.id });
    expect(await getSessionUser(before.userId, before.signedInAt)).toEqual({ refused: "ended" });
    const after = signInAt(user.id, new Date(Date.now() + 1));
    expect(await getSessionUser(after.userId, after.signedInAt)).toMatchObject({ user: { id: user.id } });
  });
});

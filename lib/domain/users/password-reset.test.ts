import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setClock } from "@/lib/domain/clock";
import { listAccountMessages } from "@/lib/domain/outbox/list-account-messages";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, postForm, tokensFor } from "@/lib/testing/oauth-flow";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { addMember, createUser } from "@/prisma/seed/factories";
import { runOperator } from "@/scripts/operator-cli";
import { hashLinkToken, newLinkToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { findPasswordReset } from "./find-password-reset";
import { PASSWORD_RESET_TTL_MINUTES, RESET_REFUSALS, RESET_REQUESTED } from "./password-reset-rules";
import { requestPasswordReset } from "./request-password-reset";
import { resetPassword } from "./reset-password";
import { verifyCredentials } from "./verify-credentials";

let demo: DemoData;
beforeAll(async () => {
  demo = await loadDemoData();
});
afterEach(() => setClock(null));

const NEW = "a-brand-new-password";
const both = (password: string) => ({ password, confirm: password });

async function linkFor(email: string): Promise<string> {
  await requestPasswordReset({ email });
  const [message] = await listAccountMessages({ to: email, limit: 1 });
  const token = message?.body.match(/\/reset-password\/(\S+)/)?.[1];
  if (!token) throw new Error("no reset link in the outbox");
  return token;
}

describe("asking for a password reset", () => {
  it("stores a reset message for an existing account (hash only, one hour) with the same answer as for anyone", async () => {
    const user = await createUser(db);
    await expect(requestPasswordReset({ email: user.email.toUpperCase() })).resolves.toEqual({ message: RESET_REQUESTED });
    const message = await db.outboxMessage.findFirstOrThrow({ where: { userId: user.id } });
    expect(message).toMatchObject({ kind: "password_reset", workspaceId: null, invoiceId: null, toAddress: user.email });
    const token = message.body.match(/\/reset-password\/(hbpr_[A-Za-z0-9_-]+)/)?.[1] ?? "";
    const row = await db.passwordResetToken.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.tokenHash).not.toBe(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(PASSWORD_RESET_TTL_MINUTES * 60_000, -4);
  });

  it("answers an unknown email exactly the same, and stores no message and no token", async () => {
    const [messages, tokens] = await Promise.all([db.outboxMessage.count(), db.passwordResetToken.count()]);
    await expect(requestPasswordReset({ email: "nobody-here@example.com" })).resolves.toEqual({ message: RESET_REQUESTED });
    expect(await db.outboxMessage.count()).toBe(messages);
    expect(await db.passwordResetToken.count()).toBe(tokens);
  });

  it("spends the older unused links of that person: only the newest works, and using an older one spends nothing", async () => {
    const [user, other] = [await createUser(db), await createUser(db)];
    const othersLink = await linkFor(other.email);
    const older = await linkFor(user.email);
    expect((await findPasswordReset(older))?.state).toBe("valid");
    const newer = await linkFor(user.email);
    expect((await findPasswordReset(older))?.state).toBe("used");
    await expect(resetPassword(older, both(NEW))).rejects.toMatchObject({ code: "conflict", message: RESET_REFUSALS.used });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: false });
    expect(await findPasswordReset(newer)).toEqual({ state: "valid", email: user.email });
    expect((await findPasswordReset(othersLink))?.state).toBe("valid");
    await expect(resetPassword(newer, both(NEW))).resolves.toEqual({ email: user.email, connectionsEnded: 0 });
    // Resetting spends only that person's links: someone else's still works.
    expect((await findPasswordReset(othersLink))?.state).toBe("valid");
    await expect(resetPassword(othersLink, both(NEW))).resolves.toEqual({ email: other.email, connectionsEnded: 0 });
  });

  it("stores nothing for a disabled account, with the same answer", async () => {
    const user = await createUser(db, { status: "disabled" });
    await expect(requestPasswordReset({ email: user.email })).resolves.toEqual({ message: RESET_REQUESTED });
    expect(await db.outboxMessage.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("resetting a password", () => {
  it("sets the new password, spends the link and every other outstanding link of that person", async () => {
    const user = await createUser(db);
    const older = await linkFor(user.email);
    const newer = await linkFor(user.email);
    expect(await findPasswordReset(newer)).toEqual({ state: "valid", email: user.email });

    await expect(resetPassword(newer, both(NEW))).resolves.toEqual({ email: user.email, connectionsEnded: 0 });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: true });
    expect(await db.auditEvent.findFirst({ where: { type: "user.password_reset", userId: user.id } })).not.toBeNull();

    await expect(resetPassword(newer, both("another-new-password"))).rejects.toMatchObject({ code: "conflict", message: RESET_REFUSALS.used });
    await expect(resetPassword(older, both("another-new-password"))).rejects.toMatchObject({ code: "conflict", message: RESET_REFUSALS.used });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: true });
  });

  it("spends every other unused link too, such as two that simultaneous requests left", async () => {
    const user = await createUser(db);
    const token = await linkFor(user.email);
    // Two requests at the same moment each spend the links before theirs, and both links stay unused
    // (possible on PostgreSQL, whose transactions overlap): the second one, as such a request leaves it.
    const twin = newLinkToken(TOKEN_PREFIX.passwordReset);
    await db.passwordResetToken.create({ data: { userId: user.id, tokenHash: hashLinkToken(twin), expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MINUTES * 60_000) } });
    expect((await findPasswordReset(twin))?.state).toBe("valid");

    await resetPassword(token, both(NEW));
    expect((await findPasswordReset(twin))?.state).toBe("used");
    await expect(resetPassword(twin, both("another-new-password"))).rejects.toMatchObject({ code: "conflict", message: RESET_REFUSALS.used });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: true });
  });

  it("refuses an expired link", async () => {
    const user = await createUser(db);
    const token = await linkFor(user.email);
    setClock(() => new Date(Date.now() + (PASSWORD_RESET_TTL_MINUTES + 1) * 60_000));
    expect((await findPasswordReset(token))?.state).toBe("expired");
    await expect(resetPassword(token, both(NEW))).rejects.toMatchObject({ code: "conflict", message: RESET_REFUSALS.expired });
    setClock(null);
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: false });
  });

  it.each([
    ["unknown", "hbpr_" + "B".repeat(43)],
    ["an invitation token", "hbi_" + "B".repeat(43)],
    ["junk", "%2e%2e"],
  ])("refuses a link that is %s", async (_, token) => {
    expect(await findPasswordReset(token)).toBeNull();
    await expect(resetPassword(token, both(NEW))).rejects.toMatchObject({ code: "not_found", message: RESET_REFUSALS.unknown });
  });

  it.each([
    ["a short password", () => ({ password: "short", confirm: "short" }), "password", /at least/],
    ["a confirmation that differs", () => ({ password: NEW, confirm: `${NEW}!` }), "confirm", /^does not match the new password$/],
    ["the account's own email as the password", (email: string) => ({ password: email, confirm: email }), "password", /^must not be your email address$/],
    ["a password over 72 bytes", () => both("🔑".repeat(30)), "password", /^must be at most 72 bytes — about 72 letters, fewer with accents or emoji$/],
    ["a password with a line break", () => both(`${NEW}\n`), "password", /^must not contain control or invisible characters/],
    ["a confirmation of 201 characters", () => ({ password: NEW, confirm: "x".repeat(201) }), "confirm", /^does not match the new password$/],
  ])("refuses %s, says why at its field, and leaves the link usable", async (_, input, field, why) => {
    const user = await createUser(db);
    const token = await linkFor(user.email);
    const error = await resetPassword(token, input(user.email)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", message: expect.stringMatching(new RegExp(`^${field}: `)) });
    expect((error as { fieldErrors: Record<string, string> }).fieldErrors[field]).toMatch(why);
    expect((await findPasswordReset(token))?.state).toBe("valid");
    expect(await verifyCredentials(user.email, input(user.email).password)).toMatchObject({ ok: false });
  });

  it("says a password that repeats the email together with a confirmation that differs (one submit, not two)", async () => {
    const user = await createUser(db);
    const token = await linkFor(user.email);
    const error = await resetPassword(token, { password: user.email, confirm: "something else" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { password: "must not be your email address", confirm: "does not match the new password" } });
    expect((await findPasswordReset(token))?.state).toBe("valid");
  });

  it("refuses an unknown link before it looks at the password", async () => {
    await expect(resetPassword("hbpr_" + "C".repeat(43), both("short"))).rejects.toMatchObject({ code: "not_found", message: RESET_REFUSALS.unknown });
  });

  it("refuses a malformed link before it looks at the password", async () => {
    await expect(resetPassword("%2e%2e", both("short"))).rejects.toMatchObject({ code: "not_found", message: RESET_REFUSALS.unknown });
  });

  it("refuses a link of an account disabled since it was sent, and changes nothing", async () => {
    const user = await createUser(db);
    const token = await linkFor(user.email);
    await db.user.update({ where: { id: user.id }, data: { status: "disabled" } });
    await expect(resetPassword(token, both(NEW))).rejects.toMatchObject({ code: "forbidden", message: "This account is disabled." });
    expect((await findPasswordReset(token))?.state).toBe("valid");
    await db.user.update({ where: { id: user.id }, data: { status: "active" } });
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: false });
    expect(await db.auditEvent.count({ where: { type: "user.password_reset", userId: user.id } })).toBe(0);
  });

  it("lets only one of two simultaneous uses of a link through", async () => {
    for (const delay of STAGGERS_MS) {
      const user = await createUser(db);
      const token = await linkFor(user.email);
      const outcomes = await startApart(() => resetPassword(token, both("first-new-password")), () => resetPassword(token, both("second-new-password")), delay);
      expect(outcomes.filter((o) => o.status === "fulfilled"), `stagger ${delay} ms`).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    }
  });
});

describe("resetting a password and disconnecting every app", () => {
  /** A person who belongs to two workspaces and has connected an assistant to each. */
  async function connectedPerson() {
    const user = await createUser(db);
    const connections = [];
    for (const workspace of [demo.lovelace, demo.engines]) {
      await addMember(db, workspace.id, user.id);
      const clientId = await createTestClient();
      connections.push({ clientId, workspaceId: workspace.id, ...(await tokensFor({ clientId, userId: user.id, workspaceId: workspace.id, scope: "hourbook:read" })) });
    }
    return { user, connections };
  }
  type Connection = Awaited<ReturnType<typeof connectedPerson>>["connections"][number];
  const accessWorks = async (c: Connection) => (await mcpRequest(c.access_token, "tools/list")).status === 200;
  const refreshWorks = async (c: Connection) => (await postForm("token", { grant_type: "refresh_token", refresh_token: c.refresh_token, client_id: c.clientId })).status === 200;
  const liveGrants = (userId: string) => db.oAuthGrant.count({ where: { userId, revokedAt: null } });

  it("refuses every access and refresh token minted before the reset, in every workspace, and audits each ended connection", async () => {
    const { user, connections } = await connectedPerson();
    const bystander = await connectedPerson();
    const token = await linkFor(user.email);
    for (const c of connections) expect(await accessWorks(c)).toBe(true);

    await expect(resetPassword(token, { ...both(NEW), disconnectApps: true })).resolves.toEqual({ email: user.email, connectionsEnded: 2 });

    for (const c of connections) {
      expect(await accessWorks(c)).toBe(false);
      expect(await refreshWorks(c)).toBe(false);
    }
    expect(await liveGrants(user.id)).toBe(0);
    expect(await db.oAuthGrant.count({ where: { userId: user.id, revokedReason: "password_reset" } })).toBe(2);
    const revoked = await db.auditEvent.findMany({ where: { type: "grant.revoked", userId: user.id } });
    expect(revoked.map((e) => [e.workspaceId, e.detail]).sort()).toEqual(connections.map((c) => [c.workspaceId, { reason: "password_reset" }]).sort());
    expect(await db.auditEvent.findFirst({ where: { type: "user.password_reset", userId: user.id } })).toMatchObject({ detail: { by: "self", grantsRevoked: 2 } });
    // Someone else's connections are untouched.
    for (const c of bystander.connections) expect(await accessWorks(c)).toBe(true);
    expect(await liveGrants(bystander.user.id)).toBe(2);
  });

  it("leaves every connection working without the option", async () => {
    const { user, connections } = await connectedPerson();
    await expect(resetPassword(await linkFor(user.email), both(NEW))).resolves.toEqual({ email: user.email, connectionsEnded: 0 });
    for (const c of connections) {
      expect(await accessWorks(c)).toBe(true);
      expect(await refreshWorks(c)).toBe(true);
    }
    expect(await liveGrants(user.id)).toBe(2);
    expect(await db.auditEvent.count({ where: { type: "grant.revoked", userId: user.id } })).toBe(0);
    expect((await db.auditEvent.findFirstOrThrow({ where: { type: "user.password_reset", userId: user.id } })).detail).toBeNull();
  });

  it.each([
    ["a link used already", async (email: string) => {
      const token = await linkFor(email);
      await resetPassword(token, both("the-first-new-password"));
      return token;
    }],
    ["an expired link", async (email: string) => {
      const token = await linkFor(email);
      setClock(() => new Date(Date.now() + (PASSWORD_RESET_TTL_MINUTES + 1) * 60_000));
      return token;
    }],
    ["an older link", async (email: string) => {
      const older = await linkFor(email);
      await linkFor(email);
      return older;
    }],
  ])("ends no connection and changes no password through %s", async (_, spoil) => {
    const { user, connections } = await connectedPerson();
    const token = await spoil(user.email);
    await expect(resetPassword(token, { ...both(NEW), disconnectApps: true })).rejects.toMatchObject({ code: "conflict" });
    setClock(null);
    expect(await liveGrants(user.id)).toBe(2);
    for (const c of connections) {
      expect(await accessWorks(c)).toBe(true);
      expect(await refreshWorks(c)).toBe(true);
    }
    expect(await db.auditEvent.count({ where: { type: "grant.revoked", userId: user.id } })).toBe(0);
    expect(await verifyCredentials(user.email, NEW)).toMatchObject({ ok: false });
  });

  it("ends no connection when the new password is refused", async () => {
    const { user } = await connectedPerson();
    const token = await linkFor(user.email);
    await expect(resetPassword(token, { password: user.email, confirm: user.email, disconnectApps: true })).rejects.toMatchObject({ code: "invalid_input" });
    expect(await liveGrants(user.id)).toBe(2);
  });
});

describe("the operator's outbox", () => {
  it("lists invitation and reset messages, newest first, and never invoice mail", async () => {
    const user = await createUser(db);
    await requestPasswordReset({ email: user.email });
    const messages = await listAccountMessages({ limit: 50 });
    expect(messages[0]).toMatchObject({ kind: "password_reset", to: user.email });
    expect(messages.every((m) => m.kind === "invitation" || m.kind === "password_reset")).toBe(true);
  });
});

describe("npm run operator -- outbox", () => {
  async function run(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runOperator(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("prints only the messages to the email given, with or without --limit", async () => {
    const [mary, other] = [await createUser(db), await createUser(db)];
    await requestPasswordReset({ email: mary.email });
    await requestPasswordReset({ email: other.email });
    for (const args of [["outbox", mary.email], ["outbox", mary.email.toUpperCase()], ["outbox", "--limit", "5", mary.email], ["outbox", mary.email, "--limit=5"]]) {
      const { code, out } = await run(...args);
      expect(code, args.join(" ")).toBe(0);
      expect(out, args.join(" ")).toContain(`to ${mary.email}`);
      expect(out, args.join(" ")).not.toContain(other.email);
    }
  });

  it("answers an email with no messages with 'No messages for …', exit code 1, and prints nobody else's links", async () => {
    await requestPasswordReset({ email: (await createUser(db)).email });
    const { code, out, err } = await run("outbox", "nobody@nowhere.test");
    expect(code).toBe(1);
    expect(out).toBe("");
    expect(err).toBe("No messages for nobody@nowhere.test.");
  });

  it("honours --limit without an email", async () => {
    const user = await createUser(db);
    await requestPasswordReset({ email: user.email });
    await requestPasswordReset({ email: user.email });
    const { code, out } = await run("outbox", "--limit", "1");
    expect(code).toBe(0);
    expect(out.match(/^── /gm)).toHaveLength(1);
  });
});

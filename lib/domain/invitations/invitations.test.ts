import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { removeMember } from "@/lib/domain/members/remove-member";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";
import { loadDemoData } from "@/lib/testing/demo-data";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { acceptInvitation } from "./accept-invitation";
import { createInvitation } from "./create-invitation";
import { findInvitation } from "./find-invitation";
import { INVITATION_REFUSALS, INVITATION_TTL_DAYS } from "./invitation-rules";
import { listInvitations } from "./list-invitations";
import { revokeInvitation } from "./revoke-invitation";

let ada: Actor;
let adaInEngines: Actor;
let grace: Actor;
let lovelaceId: string;
let graceId: string;

const tokenOf = (link: string) => link.slice(link.lastIndexOf("/") + 1);
const newcomer = { name: "Katherine Johnson", password: "orbital-mechanics-1962" };
let n = 0;
const freshEmail = () => `invitee-${Date.now().toString(36)}-${n++}@example.com`;

beforeAll(async () => {
  const demo = await loadDemoData();
  lovelaceId = demo.lovelace.id;
  graceId = demo.grace.id;
  ada = await resolveActor(demo.ada.id, { id: lovelaceId });
  adaInEngines = await resolveActor(demo.ada.id, { id: demo.engines.id });
  grace = await resolveActor(graceId, { id: lovelaceId });
});

afterEach(() => {
  setClock(null);
  vi.restoreAllMocks();
});

/**
 * Runs the next transaction with one model method of its `tx` replaced by `replace`, which gets
 * the transaction, the call's arguments and the real method: a stand-in for another request's
 * write landing between this one's read and its write, which SQLite (one writer at a time) and
 * the race tests' timing cannot place there reliably.
 */
type InterceptedCall = { where?: { id: string }; data: Record<string, unknown> };
function interceptNextTransaction(
  model: "invitation" | "user",
  method: "updateMany" | "create",
  replace: (tx: DbTx, args: InterceptedCall, original: (args: InterceptedCall) => Promise<unknown>) => Promise<unknown>,
) {
  const transaction = db.$transaction.bind(db);
  vi.spyOn(db, "$transaction").mockImplementationOnce((async (work: (tx: DbTx) => Promise<unknown>) =>
    transaction((tx) => {
      const delegate = tx[model] as unknown as Record<typeof method, (args: InterceptedCall) => Promise<unknown>>;
      const patched = new Proxy(delegate, {
        get: (target, key, receiver) => (key === method ? (args: InterceptedCall) => replace(tx, args, (a) => target[method](a)) : Reflect.get(target, key, receiver)),
      });
      return work(new Proxy(tx, { get: (target, key, receiver) => (key === model ? patched : Reflect.get(target, key, receiver)) }));
    })) as typeof db.$transaction);
}

const joinedDetail = async (userId: string) => (await db.auditEvent.findFirstOrThrow({ where: { type: "member.joined", userId } })).detail;

describe("inviting", () => {
  it("stores only the token's hash, puts the link in the outbox, lists it as pending, and records who invited whom", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email: ` ${email.toUpperCase()} `, role: "admin" });
    expect(invited).toMatchObject({ email, role: "admin", replaced: 0 });
    const token = tokenOf(invited.link);
    expect(token).toMatch(/^hbi_[A-Za-z0-9_-]{43}$/);
    expect(invited.link).toMatch(/\/invite\/hbi_/);

    const row = await db.invitation.findUniqueOrThrow({ where: { id: invited.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.expiresAt.getTime() - row.createdAt.getTime()).toBeCloseTo(INVITATION_TTL_DAYS * 86_400_000, -4);

    const message = await db.outboxMessage.findFirstOrThrow({ where: { invitationId: invited.id } });
    expect(message).toMatchObject({ kind: "invitation", workspaceId: lovelaceId, toAddress: email, invoiceId: null });
    expect(message.body).toContain(invited.link);

    const pending = await listInvitations(ada);
    expect(pending.find((p) => p.id === invited.id)).toMatchObject({ email, role: "admin", link: invited.link, expired: false, canRevoke: true });
    expect(await db.auditEvent.findFirst({ where: { type: "member.invited", workspaceId: lovelaceId, detail: { equals: { email, role: "admin", replaced: 0 } } } })).toMatchObject({ userId: ada.userId });
  });

  it("replaces a pending invitation to the same email: the old link stops working and says it was replaced, not withdrawn", async () => {
    const email = freshEmail();
    const first = await createInvitation(ada, { email, role: "member" });
    const second = await createInvitation(ada, { email, role: "admin" });
    expect(second.replaced).toBe(1);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: first.id } })).status).toBe("replaced");
    expect((await findInvitation(tokenOf(first.link)))?.state).toBe("replaced");
    expect(INVITATION_REFUSALS.replaced).toMatch(/replaced by a newer one.*newest invitation email/);
    await expect(acceptInvitation(tokenOf(first.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message: INVITATION_REFUSALS.replaced });
    await expect(revokeInvitation(ada, { invitationId: first.id })).rejects.toMatchObject({ code: "conflict", message: `The invitation to ${email} is no longer pending (it was replaced).` });
    expect((await listInvitations(ada)).filter((p) => p.email === email).map((p) => p.id)).toEqual([second.id]);
  });

  it("leaves one pending invitation when the same email is invited twice at once", async () => {
    for (const delay of STAGGERS_MS) {
      const email = freshEmail();
      const outcomes = await startApart(() => createInvitation(ada, { email, role: "member" }), () => createInvitation(ada, { email, role: "admin" }), delay);
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason, `stagger ${delay} ms`).toMatchObject({ code: "conflict" });
      expect(await db.invitation.count({ where: { email, status: "pending" } }), `stagger ${delay} ms`).toBe(1);
    }
  });

  it.each([
    ["a member invites anyone", () => grace, "member", "forbidden", "A member cannot invite people in this workspace."],
    ["an admin invites an owner", () => adaInEngines, "owner", "forbidden", "Only an owner can invite an owner."],
  ] as const)("refuses when %s, and stores nothing", async (_, actor, role, code, message) => {
    const email = freshEmail();
    await expect(createInvitation(actor(), { email, role })).rejects.toMatchObject({ code, message });
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { toAddress: email } })).toBe(0);
  });

  it("lets an admin invite members and admins", async () => {
    await expect(createInvitation(adaInEngines, { email: freshEmail(), role: "admin" })).resolves.toMatchObject({ role: "admin" });
  });

  it("refuses someone who is already an active member, clearly", async () => {
    await expect(createInvitation(ada, { email: "GRACE@example.com", role: "member" })).rejects.toMatchObject({
      code: "conflict",
      message: "grace@example.com is already a member of this workspace.",
    });
  });

  it.each([
    ["a malformed email", { email: "not-an-email", role: "member" }, "email"],
    ["an unknown role", { email: "x@example.com", role: "boss" }, "role"],
  ])("refuses %s with a field message", async (_, input, field) => {
    const error = await createInvitation(ada, input as never).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain(field);
  });
});

describe("revoking an invitation", () => {
  it("withdraws a pending invitation; its link is refused as withdrawn, and a second revoke is a conflict", async () => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    await expect(revokeInvitation(ada, { invitationId: invited.id })).resolves.toMatchObject({ id: invited.id });
    expect((await findInvitation(tokenOf(invited.link)))?.state).toBe("revoked");
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message: INVITATION_REFUSALS.revoked });
    await expect(revokeInvitation(ada, { invitationId: invited.id })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.auditEvent.count({ where: { type: "member.invitation_revoked", workspaceId: lovelaceId } })).toBeGreaterThan(0);
  });

  it("refuses an admin withdrawing an invitation to become an owner, and does not show them its link", async () => {
    const enginesOwner = await resolveActor(graceId, { id: adaInEngines.workspaceId });
    const invited = await createInvitation(enginesOwner, { email: freshEmail(), role: "owner" });
    await expect(revokeInvitation(adaInEngines, { invitationId: invited.id })).rejects.toMatchObject({ code: "forbidden", message: "Only an owner can withdraw an invitation to become an owner." });
    expect((await listInvitations(adaInEngines)).find((p) => p.id === invited.id)).toMatchObject({ canRevoke: false, link: null });
    expect((await listInvitations(enginesOwner)).find((p) => p.id === invited.id)).toMatchObject({ canRevoke: true, link: invited.link });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it("refuses a member, and does not find another workspace's invitation", async () => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    await expect(revokeInvitation(grace, { invitationId: invited.id })).rejects.toMatchObject({ code: "forbidden" });
    await expect(revokeInvitation(adaInEngines, { invitationId: invited.id })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });
});

describe("accepting an invitation", () => {
  it("creates the account with the invited email and role, and the new person can sign in", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "admin" });
    const view = await findInvitation(tokenOf(invited.link));
    expect(view).toMatchObject({ state: "pending", email, role: "admin", workspaceName: "Lovelace Studio", accountExists: false, invitedBy: "Ada Lovelace" });

    const accepted = await acceptInvitation(tokenOf(invited.link), { newAccount: newcomer });
    expect(accepted).toEqual({ userId: expect.any(String), email, workspaceSlug: "lovelace-studio", workspaceName: "Lovelace Studio", role: "admin", reactivated: false });
    expect(await verifyCredentials(email, newcomer.password)).toMatchObject({ ok: true });
    const joined = await resolveActor(accepted.userId, { id: lovelaceId });
    expect(joined.role).toBe("admin");
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "accepted", acceptedByUserId: accepted.userId });
    expect(await joinedDetail(accepted.userId)).toEqual({ memberName: newcomer.name, email, role: "admin", reactivated: false });
    expect((await listInvitations(ada)).some((p) => p.id === invited.id)).toBe(false);
  });

  it("adds the workspace to the signed-in account the invitation was sent to", async () => {
    const user = await createUser(db, { email: freshEmail(), name: "Mary Jackson" });
    const invited = await createInvitation(ada, { email: user.email, role: "member" });
    const at = new Date(Date.now() + 3600_000);
    setClock(() => at);
    expect((await findInvitation(tokenOf(invited.link)))?.accountExists).toBe(true);
    await expect(acceptInvitation(tokenOf(invited.link), { userId: user.id })).resolves.toEqual({
      userId: user.id,
      email: user.email,
      workspaceSlug: "lovelace-studio",
      workspaceName: "Lovelace Studio",
      role: "member",
      reactivated: false,
    });
    await expect(resolveActor(user.id, { id: lovelaceId })).resolves.toMatchObject({ role: "member" });
    expect(await joinedDetail(user.id)).toEqual({ memberName: "Mary Jackson", email: user.email, role: "member", reactivated: false });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "accepted", acceptedAt: at, acceptedByUserId: user.id });
  });

  it("refuses a link used twice", async () => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    await acceptInvitation(tokenOf(invited.link), { newAccount: newcomer });
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message: INVITATION_REFUSALS.accepted });
  });

  it("refuses an expired link and creates no account", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    setClock(() => new Date(Date.now() + (INVITATION_TTL_DAYS * 24 + 1) * 3600_000));
    expect((await findInvitation(tokenOf(invited.link)))?.state).toBe("expired");
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message: INVITATION_REFUSALS.expired });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await listInvitations(ada)).find((p) => p.id === invited.id)?.expired).toBe(true);
  });

  it("refuses someone signed in as another person, and changes nothing", async () => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    await expect(acceptInvitation(tokenOf(invited.link), { userId: graceId })).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringContaining("you are signed in as grace@example.com"),
    });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it("refuses creating an account when one already exists for the email (sign in instead)", async () => {
    const user = await createUser(db, { email: freshEmail() });
    const invited = await createInvitation(ada, { email: user.email, role: "member" });
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("sign in") });
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it.each([
    ["a disabled account", async () => (await createUser(db, { email: freshEmail(), status: "disabled" })).id],
    ["an account that no longer exists", async () => "no-such-user"],
  ])("refuses %s, and changes nothing", async (_, userIdOf) => {
    const userId = await userIdOf();
    const email = (await db.user.findUnique({ where: { id: userId } }))?.email ?? freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    await expect(acceptInvitation(tokenOf(invited.link), { userId })).rejects.toMatchObject({ code: "forbidden", message: "This account is disabled." });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "pending", acceptedByUserId: null });
    expect(await db.membership.count({ where: { userId } })).toBe(0);
  });

  it("refuses a new account whose password is the invited email, and creates nothing", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    const error = await acceptInvitation(tokenOf(invited.link), { newAccount: { name: "K", password: ` ${email.toUpperCase()} ` } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", message: "password: must not be your email address", fieldErrors: { password: "must not be your email address" } });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it("says a password that repeats the invited email together with the other fields' mistakes (one submit, not two)", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    const error = await acceptInvitation(tokenOf(invited.link), { newAccount: { name: "", password: email } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { name: "is required", password: "must not be your email address" } });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it.each([
    ["over 72 bytes", "é".repeat(37), /^must be at most 72 bytes/],
    ["with a control character", "orbital\u007fmechanics", /^must not contain control or invisible characters/],
  ])("refuses a new account's password %s, and creates nothing", async (_, password, why) => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    const error = await acceptInvitation(tokenOf(invited.link), { newAccount: { name: "Katherine", password } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { password: expect.stringMatching(why) } });
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("refuses someone who is already an active member, and leaves the invitation unused", async () => {
    const user = await createUser(db, { email: freshEmail() });
    const invited = await createInvitation(ada, { email: user.email, role: "admin" });
    const membership = await addMember(db, lovelaceId, user.id, "member");
    await expect(acceptInvitation(tokenOf(invited.link), { userId: user.id })).rejects.toMatchObject({ code: "conflict", message: "You are already a member of Lovelace Studio." });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "pending", acceptedByUserId: null });
    expect(await db.membership.findMany({ where: { workspaceId: lovelaceId, userId: user.id } })).toMatchObject([{ id: membership.id, role: "member", status: "active" }]);
    expect(await db.auditEvent.count({ where: { type: "member.joined", userId: user.id } })).toBe(0);
  });

  it.each([
    ["accepted by someone else", { status: "accepted" }, INVITATION_REFUSALS.accepted],
    ["withdrawn", { status: "revoked" }, INVITATION_REFUSALS.revoked],
    ["replaced by a newer one", { status: "replaced" }, INVITATION_REFUSALS.replaced],
    ["past its expiry", { expiresAt: new Date(0) }, INVITATION_REFUSALS.expired],
  ] as const)("refuses an invitation %s between the read and the claim, and creates nothing", async (_, change, message) => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    interceptNextTransaction("invitation", "updateMany", async (tx, args, claim) => {
      await tx.invitation.update({ where: { id: args.where!.id }, data: change });
      return claim(args);
    });
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({ code: "conflict", message });
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: lovelaceId, user: { email } } })).toBe(0);
  });

  it("grants nothing when the claim changes no row, even if the invitation still reads as pending", async () => {
    const user = await createUser(db, { email: freshEmail() });
    const invited = await createInvitation(ada, { email: user.email, role: "member" });
    interceptNextTransaction("invitation", "updateMany", async () => ({ count: 0 }));
    await expect(acceptInvitation(tokenOf(invited.link), { userId: user.id })).rejects.toMatchObject({ code: "conflict", message: INVITATION_REFUSALS.accepted });
    expect(await db.membership.count({ where: { userId: user.id } })).toBe(0);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).toMatchObject({ status: "pending", acceptedByUserId: null });
  });

  it("refuses creating the account when someone else creates it between the check and the write", async () => {
    const email = freshEmail();
    const invited = await createInvitation(ada, { email, role: "member" });
    interceptNextTransaction("user", "create", async (_tx, args, create) => {
      await create({ ...args, data: { ...args.data, name: "Signed Up Meanwhile" } });
      return create(args);
    });
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toMatchObject({
      code: "conflict",
      message: `An account for ${email} already exists: sign in with it to accept the invitation.`,
    });
    expect(await db.membership.count({ where: { workspaceId: lovelaceId, user: { email } } })).toBe(0);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it("passes a database failure while creating the account on as it is, not as a conflict", async () => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    const failure = new Error("disk I/O error");
    interceptNextTransaction("user", "create", async () => Promise.reject(failure));
    await expect(acceptInvitation(tokenOf(invited.link), { newAccount: newcomer })).rejects.toBe(failure);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it.each([
    ["a token of the wrong kind", "hbpr_" + "A".repeat(43)],
    ["junk", "../../etc/passwd"],
    ["an overlong token", "hbi_" + "A".repeat(200)],
  ])("refuses %s before any database work", async (_, token) => {
    const transaction = vi.spyOn(db, "$transaction");
    await expect(acceptInvitation(token, { userId: graceId })).rejects.toMatchObject({ code: "not_found", message: INVITATION_REFUSALS.unknown });
    expect(transaction).not.toHaveBeenCalled();
  });

  it.each([
    ["an unknown token", "hbi_" + "A".repeat(43)],
    ["a token of the wrong kind", "hbpr_" + "A".repeat(43)],
    ["junk", "../../etc/passwd"],
  ])("answers %s as not valid", async (_, token) => {
    expect(await findInvitation(token)).toBeNull();
    await expect(acceptInvitation(token, { newAccount: newcomer })).rejects.toMatchObject({ code: "not_found", message: INVITATION_REFUSALS.unknown });
  });

  it.each([
    ["a short password", { name: "K", password: "short" }, "password"],
    ["an empty name", { name: " ", password: "long-enough-password" }, "name"],
  ])("refuses %s and leaves the invitation pending", async (_, account, field) => {
    const invited = await createInvitation(ada, { email: freshEmail(), role: "member" });
    const error = await acceptInvitation(tokenOf(invited.link), { newAccount: account }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input" });
    expect(Object.keys((error as { fieldErrors: object }).fieldErrors)).toContain(field);
    expect((await db.invitation.findUniqueOrThrow({ where: { id: invited.id } })).status).toBe("pending");
  });

  it("brings back a removed member with the invited role instead of a second membership", async () => {
    const workspace = await createWorkspace(db, { name: `Comeback ${freshEmail()}` });
    const owner = await createUser(db);
    const former = await createUser(db, { email: freshEmail() });
    await addMember(db, workspace.id, owner.id, "owner");
    const formerMembership = await addMember(db, workspace.id, former.id, "member");
    const ownerActor = await resolveActor(owner.id, { id: workspace.id });
    await removeMember(ownerActor, { membershipId: formerMembership.id });
    await expect(resolveActor(former.id, { id: workspace.id })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("removed") });

    const invited = await createInvitation(ownerActor, { email: former.email, role: "admin" });
    await expect(acceptInvitation(tokenOf(invited.link), { userId: former.id })).resolves.toMatchObject({ reactivated: true, role: "admin" });
    expect(await db.membership.findMany({ where: { workspaceId: workspace.id, userId: former.id } })).toMatchObject([{ id: formerMembership.id, role: "admin", status: "active" }]);
    expect(await joinedDetail(former.id)).toEqual({ memberName: former.name, email: former.email, role: "admin", reactivated: true });
  });

  it("gives exactly one membership when the same link is accepted twice at once", async () => {
    for (const delay of STAGGERS_MS) {
      const user = await createUser(db, { email: freshEmail() });
      const invited = await createInvitation(ada, { email: user.email, role: "member" });
      const token = tokenOf(invited.link);
      const outcomes = await startApart(
        () => acceptInvitation(token, { userId: user.id }),
        () => acceptInvitation(token, { userId: user.id }),
        delay,
      );
      expect(outcomes.filter((o) => o.status === "fulfilled"), `stagger ${delay} ms`).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect(await db.membership.count({ where: { workspaceId: lovelaceId, userId: user.id } })).toBe(1);
    }
  });

  it("creates exactly one account when two people race to create it from the same link", async () => {
    for (const delay of STAGGERS_MS) {
      const email = freshEmail();
      const invited = await createInvitation(ada, { email, role: "member" });
      const token = tokenOf(invited.link);
      const outcomes = await startApart(
        () => acceptInvitation(token, { newAccount: newcomer }),
        () => acceptInvitation(token, { newAccount: { ...newcomer, name: "Someone Else" } }),
        delay,
      );
      expect(outcomes.filter((o) => o.status === "fulfilled"), `stagger ${delay} ms`).toHaveLength(1);
      expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
      expect(await db.user.count({ where: { email } })).toBe(1);
      expect(await db.membership.count({ where: { workspaceId: lovelaceId, user: { email } } })).toBe(1);
    }
  });
});

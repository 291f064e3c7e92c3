/**
 * Accepts an invitation: as the signed-in person whose email it was sent to, or by creating the
 * account (name and password; the email is the invited one). Single use and atomic: the
 * invitation is claimed with a conditional update (still pending, not expired) before anything
 * else is written, so of two accepts at once exactly one gets a membership and the other is told
 * the link was used. A removed or deactivated membership is brought back with the invited role
 * rather than duplicated.
 */
import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, DomainError, forbidden, parseInput } from "@/lib/domain/errors";
import { hashLinkToken, isPlausibleToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { Name } from "@/lib/domain/schemas";
import { isUniqueViolation } from "@/lib/domain/unique-violation";
import { hashPassword } from "@/lib/domain/users/password";
import { NewPassword, newPasswordFor } from "@/lib/domain/users/password-policy";
import type { Role } from "@/lib/generated/prisma/enums";
import { INVITATION_REFUSALS, invitationState } from "./invitation-rules";

export const NewAccountInput = z.object({ name: Name, password: NewPassword });
/** NewAccountInput for an invitation sent to `email`: the password may not be that address. */
const newAccountInputFor = (email: string) => NewAccountInput.extend({ password: newPasswordFor(email) });

/** Who accepts: the signed-in user, or a new account for the invited email. */
export type InvitationAcceptor = { userId: string } | { newAccount: z.input<typeof NewAccountInput> };

export interface AcceptedInvitation {
  userId: string;
  email: string;
  workspaceSlug: string;
  workspaceName: string;
  role: Role;
  /** True when an earlier (removed or deactivated) membership was brought back. */
  reactivated: boolean;
}

const unknownLink = () => new DomainError("not_found", INVITATION_REFUSALS.unknown);

export async function acceptInvitation(token: string, by: InvitationAcceptor): Promise<AcceptedInvitation> {
  if (!isPlausibleToken(token, TOKEN_PREFIX.invitation)) throw unknownLink();
  const tokenHash = hashLinkToken(token);
  // The invited email is read first, so a password that repeats it is refused with the other
  // fields' mistakes on the same submit. Hashing is slow on purpose; do it before the transaction holds anything.
  let newAccount: z.output<typeof NewAccountInput> | null = null;
  if ("newAccount" in by) {
    const invited = await db.invitation.findUnique({ where: { tokenHash }, select: { email: true } });
    if (!invited) throw unknownLink();
    newAccount = parseInput(newAccountInputFor(invited.email), by.newAccount);
  }
  const passwordHash = newAccount ? await hashPassword(newAccount.password) : null;

  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash },
      include: {
        // Stryker disable next-line ObjectLiteral: `workspace: {}` reads the whole workspace row, slug and name among it: only the columns fetched differ
        workspace: { select: { slug: true, name: true } },
      },
    });
    if (!invitation) throw unknownLink();
    const at = now();
    const state = invitationState(invitation, at);
    if (state !== "pending") throw conflict(INVITATION_REFUSALS[state]);

    let userId: string;
    let name: string;
    if ("userId" in by) {
      const user = await tx.user.findUnique({ where: { id: by.userId } });
      if (!user || user.status !== "active") throw forbidden("This account is disabled.");
      if (user.email !== invitation.email) {
        throw forbidden(`This invitation is for ${invitation.email}, and you are signed in as ${user.email}. Sign out, then open the link again.`);
      }
      userId = user.id;
      name = user.name;
    } else {
      // Saying so before the claim is for the common case; when it is missed (a sign-up between this
      // read and the write) createAccount's unique-violation catch refuses with the same conflict
      // and the claim rolls back, so skipping this check changes no outcome.
      // Stryker disable next-line ConditionalExpression,BlockStatement: equivalent, as above
      if (await tx.user.findUnique({ where: { email: invitation.email }, select: { id: true } })) {
        throw conflict(`An account for ${invitation.email} already exists: sign in with it to accept the invitation.`);
      }
      userId = "";
      name = newAccount!.name;
    }

    // The claim: whoever changes the row from pending first has the invitation.
    const claimed = await tx.invitation.updateMany({ where: { id: invitation.id, status: "pending", expiresAt: { gt: at } }, data: { status: "accepted", acceptedAt: at } });
    if (claimed.count === 0) {
      const latest = await tx.invitation.findUniqueOrThrow({ where: { id: invitation.id } });
      const latestState = invitationState(latest, at);
      throw conflict(INVITATION_REFUSALS[latestState === "pending" ? "accepted" : latestState]);
    }

    if (!userId) userId = await createAccount(tx, invitation.email, name, passwordHash!);
    await tx.invitation.update({ where: { id: invitation.id }, data: { acceptedByUserId: userId } });

    const existing = await tx.membership.findUnique({ where: { workspaceId_userId: { workspaceId: invitation.workspaceId, userId } } });
    if (existing?.status === "active") throw conflict(`You are already a member of ${invitation.workspace.name}.`);
    if (existing) await tx.membership.update({ where: { id: existing.id }, data: { role: invitation.role, status: "active" } });
    else await tx.membership.create({ data: { workspaceId: invitation.workspaceId, userId, role: invitation.role } });

    await recordAuditEvent(
      { type: "member.joined", workspaceId: invitation.workspaceId, userId, detail: { memberName: name, email: invitation.email, role: invitation.role, reactivated: existing !== null } },
      tx,
    );
    return { userId, email: invitation.email, workspaceSlug: invitation.workspace.slug, workspaceName: invitation.workspace.name, role: invitation.role, reactivated: existing !== null };
  });
}

async function createAccount(tx: DbTx, email: string, name: string, passwordHash: string): Promise<string> {
  try {
    return (await tx.user.create({ data: { email, name, passwordHash }, select: { id: true } })).id;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`An account for ${email} already exists: sign in with it to accept the invitation.`);
    throw error;
  }
}

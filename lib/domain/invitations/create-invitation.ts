/**
 * Invites someone to the actor's workspace by email, with a role. There is no mail server: the
 * invitation message, with its accept link, is stored in the outbox (where the Members page
 * offers it to copy), and the link is handed back once to show. A new invitation to an email
 * with one still pending replaces it (the old link stops working, and says a newer invitation
 * replaced it); someone already an active member is refused. A removed or deactivated member
 * may be invited back. Two invitations to one email at the same moment leave one pending (the
 * other is answered with a conflict).
 */
import { z } from "zod";
import { serializableTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, notFound, parseInput } from "@/lib/domain/errors";
import { hashLinkToken, newLinkToken, TOKEN_PREFIX } from "@/lib/domain/one-time-token";
import { Email } from "@/lib/domain/schemas";
import type { Role } from "@/lib/generated/prisma/enums";
import { INVITATION_TTL_DAYS, invitationLink, inviteRefusal } from "./invitation-rules";

export const CreateInvitationInput = z.object({
  email: z.string().trim().toLowerCase().pipe(Email),
  role: z.enum(["owner", "admin", "member"], "must be owner, admin or member"),
});

export interface CreatedInvitation {
  id: string;
  email: string;
  role: Role;
  expiresAt: Date;
  /** The accept link, with its token: shown once; it is also in the outbox message. */
  link: string;
  /** How many pending invitations to the same email this one replaced. */
  replaced: number;
}

export async function createInvitation(actor: Actor, input: z.input<typeof CreateInvitationInput>, tx?: DbTx): Promise<CreatedInvitation> {
  assertCan(actor, "members:manage", "invite people");
  const { email, role } = parseInput(CreateInvitationInput, input);
  const refusal = inviteRefusal(actor, role);
  if (refusal) throw refusal;

  const work = async (tx: DbTx): Promise<CreatedInvitation> => {
    const workspace = await tx.workspace.findUnique({ where: { id: actor.workspaceId }, select: { name: true } });
    if (!workspace) throw notFound("Workspace");
    const existing = await tx.membership.findFirst({ where: { workspaceId: actor.workspaceId, user: { email } }, select: { status: true } });
    if (existing?.status === "active") throw conflict(`${email} is already a member of this workspace.`);

    const at = now();
    // Marked replaced, not revoked: its link then says a newer invitation was sent, not that it was withdrawn.
    const { count: replaced } = await tx.invitation.updateMany({
      where: { workspaceId: actor.workspaceId, email, status: "pending" },
      data: { status: "replaced", revokedAt: at },
    });
    const token = newLinkToken(TOKEN_PREFIX.invitation);
    const expiresAt = new Date(at.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000);
    const invitation = await tx.invitation.create({
      data: { workspaceId: actor.workspaceId, email, role, tokenHash: hashLinkToken(token), expiresAt, invitedByUserId: actor.userId },
    });
    const inviter = await tx.user.findUnique({ where: { id: actor.userId }, select: { name: true } });
    const link = invitationLink(token);
    await tx.outboxMessage.create({
      data: {
        kind: "invitation",
        workspaceId: actor.workspaceId,
        invitationId: invitation.id,
        toAddress: email,
        subject: `${inviter?.name ?? "Someone"} invited you to ${workspace.name} on Hourbook`,
        body: [
          `${inviter?.name ?? "Someone"} invited you to join ${workspace.name} on Hourbook as ${role === "member" ? "a" : "an"} ${role}.`,
          "",
          `Accept the invitation: ${link}`,
          "",
          `The link works once and expires in ${INVITATION_TTL_DAYS} days. If you did not expect it, ignore this message.`,
        ].join("\n"),
      },
    });
    await recordAuditEvent({ type: "member.invited", workspaceId: actor.workspaceId, userId: actor.userId, detail: { email, role, replaced } }, tx);
    return { id: invitation.id, email, role, expiresAt, link, replaced };
  };
  // Serializable on its own: two invitations to one email at the same moment must not both stay pending.
  return tx ? work(tx) : serializableTransaction(work, () => conflict(`${email} was invited a moment ago; reload to see the invitation.`));
}

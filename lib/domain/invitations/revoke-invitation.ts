/**
 * Withdraws a pending invitation of the actor's workspace: its link stops working at once. The
 * update is conditional on the invitation still being pending, so revoking one that was just
 * accepted (or revoked by someone else) is answered with a conflict rather than undoing it.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, forbidden, notFound, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";

const InvitationRef = z.object({ invitationId: Id });

export async function revokeInvitation(actor: Actor, input: z.input<typeof InvitationRef>): Promise<{ id: string; email: string }> {
  assertCan(actor, "members:manage", "withdraw invitations");
  const { invitationId } = parseInput(InvitationRef, input);
  return db.$transaction(async (tx) => {
    const invitation = await tx.invitation.findFirst({ where: { id: invitationId, workspaceId: actor.workspaceId } });
    if (!invitation) throw notFound("Invitation");
    if (actor.role !== "owner" && invitation.role === "owner") throw forbidden("Only an owner can withdraw an invitation to become an owner.");
    const { count } = await tx.invitation.updateMany({ where: { id: invitation.id, status: "pending" }, data: { status: "revoked", revokedAt: now() } });
    if (count === 0) throw conflict(`The invitation to ${invitation.email} is no longer pending (it was ${invitation.status === "pending" ? "just used or withdrawn" : invitation.status}).`);
    await recordAuditEvent({ type: "member.invitation_revoked", workspaceId: actor.workspaceId, userId: actor.userId, detail: { email: invitation.email, role: invitation.role } }, tx);
    return { id: invitation.id, email: invitation.email };
  });
}

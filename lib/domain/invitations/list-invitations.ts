/**
 * The workspace's pending invitations for Settings › Members, newest first, each with its
 * accept link read back from its outbox message (the only place the token is written down),
 * so an owner or admin can copy it again. Expired ones are listed as expired.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import type { Role } from "@/lib/generated/prisma/enums";
import { invitationState } from "./invitation-rules";

export interface PendingInvitationView {
  id: string;
  email: string;
  role: Role;
  invitedBy: string | null;
  createdAt: Date;
  expiresAt: Date;
  expired: boolean;
  /** The accept link from the stored message; null if the message is gone, or for an admin looking at an owner invitation. */
  link: string | null;
  /** Whether the acting person may withdraw it (admins do not touch owner invitations). */
  canRevoke: boolean;
}

const LINK = /https?:\/\/\S+\/invite\/\S+/;

export async function listInvitations(actor: Actor): Promise<PendingInvitationView[]> {
  assertCan(actor, "members:manage", "see invitations");
  const rows = await db.invitation.findMany({
    where: { workspaceId: actor.workspaceId, status: "pending" },
    include: { invitedBy: { select: { name: true } }, outbox: { select: { body: true }, orderBy: { createdAt: "desc" }, take: 1 } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 200,
  });
  const at = now();
  return rows.map((r) => {
    // Whoever holds an invitation link can accept it: an admin, who may not make owners, is not
    // handed the link of an invitation to become one.
    const canRevoke = actor.role === "owner" || r.role !== "owner";
    return {
    id: r.id,
    email: r.email,
    role: r.role,
    invitedBy: r.invitedBy?.name ?? null,
    createdAt: r.createdAt,
    expiresAt: r.expiresAt,
    expired: invitationState(r, at) === "expired",
      link: canRevoke ? (r.outbox[0]?.body.match(LINK)?.[0] ?? null) : null,
      canRevoke,
    };
  });
}

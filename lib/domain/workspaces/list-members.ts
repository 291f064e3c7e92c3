import { db } from "@/lib/db";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { can, type Actor } from "@/lib/domain/actor";

export interface MemberView {
  id: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: MembershipStatus;
}

/** Everyone in the workspace for owners and admins; just the actor for members. */
export async function listMembers(actor: Actor): Promise<MemberView[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId, ...(can(actor, "time:read_all") ? {} : { id: actor.membershipId }) },
    include: { user: { select: { name: true, email: true } } },
    orderBy: { user: { name: "asc" } },
  });
  return rows.map((m) => ({ id: m.id, userId: m.userId, name: m.user.name, email: m.user.email, role: m.role, status: m.status }));
}

/**
 * How a member is named where their time is picked or shown (the Time and Timesheet "Showing"
 * filters, report rows): a removed member's entries stay, so they stay pickable, marked "(removed)".
 */
export function memberLabel(member: { name: string; status: MembershipStatus }): string {
  return member.status === "removed" ? `${member.name} (removed)` : member.name;
}

/** The members to offer in a "Showing" filter, other than the actor: present members first, then removed ones, each by name. */
export function otherMembersToShow(members: MemberView[], actor: Actor): MemberView[] {
  const others = members.filter((m) => m.id !== actor.membershipId);
  return [...others.filter((m) => m.status !== "removed"), ...others.filter((m) => m.status === "removed")];
}

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

/**
 * The Members settings page: everyone in the workspace with their role and status, and for
 * each the changes the acting owner or admin is allowed to make (the same rules the change
 * functions enforce, so the page offers nothing that would be refused).
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { memberChangeRefusal } from "./member-change-rules";

export const ROLES: readonly Role[] = ["owner", "admin", "member"];

export interface MemberSettingsRow {
  membershipId: string;
  userId: string;
  name: string;
  email: string;
  role: Role;
  status: MembershipStatus;
  isYou: boolean;
  /** Roles this member can be given now, the current one included (empty: role is locked). */
  roleOptions: Role[];
  /** Whether the acting person may deactivate (when active) or reactivate (when inactive) them. */
  canChangeStatus: boolean;
  /** Whether the acting person may remove them from the workspace. */
  canRemove: boolean;
  /** Why nothing can be changed, when that is the case. */
  lockedReason: string | null;
}

export async function listMemberSettings(actor: Actor): Promise<MemberSettingsRow[]> {
  assertCan(actor, "members:manage", "manage members");
  const rows = await db.membership.findMany({
    where: { workspaceId: actor.workspaceId },
    include: { user: { select: { name: true, email: true } } },
    // Removed members are listed last (their entries keep their name), with no controls.
    orderBy: [{ user: { name: "asc" } }, { id: "asc" }],
  });
  const activeOwners = rows.filter((m) => m.role === "owner" && m.status === "active").length;
  const ordered = [...rows.filter((m) => m.status !== "removed"), ...rows.filter((m) => m.status === "removed")];
  return ordered.map((m) => {
    const target = { userId: m.userId, name: m.user.name, role: m.role, status: m.status };
    const otherRoles = ROLES.filter((r) => r !== m.role && !memberChangeRefusal(actor, target, { kind: "role", to: r }, activeOwners));
    const statusRefusal = memberChangeRefusal(actor, target, { kind: "status", to: m.status === "active" ? "inactive" : "active" }, activeOwners);
    const removeRefusal = memberChangeRefusal(actor, target, { kind: "status", to: "removed" }, activeOwners);
    const locked = otherRoles.length === 0 && statusRefusal;
    return {
      membershipId: m.id,
      userId: m.userId,
      name: m.user.name,
      email: m.user.email,
      role: m.role,
      status: m.status,
      isYou: m.userId === actor.userId,
      roleOptions: otherRoles.length ? ROLES.filter((r) => r === m.role || otherRoles.includes(r)) : [],
      canChangeStatus: !statusRefusal,
      canRemove: !removeRefusal,
      lockedReason: locked ? statusRefusal.message : null,
    };
  });
}

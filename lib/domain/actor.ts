import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { forbidden, workspaceNotFound } from "@/lib/domain/errors";
import { roleAllows, type Permission } from "@/lib/domain/permissions";

/** The member acting in one workspace. Every domain function takes one. */
export interface Actor {
  userId: string;
  membershipId: string;
  workspaceId: string;
  role: Role;
}

export type WorkspaceRef = { id: string } | { slug: string };

/**
 * Looks up the signed-in user's active membership in a workspace. A disabled user,
 * an inactive membership or a workspace the user does not belong to all refuse.
 */
export async function resolveActor(userId: string, workspace: WorkspaceRef): Promise<Actor> {
  const membership = await db.membership.findFirst({
    where: { userId, workspace: "id" in workspace ? { id: workspace.id } : { slug: workspace.slug } },
    include: { user: { select: { status: true } } },
  });
  if (!membership) throw workspaceNotFound();
  if (membership.user.status !== "active") throw forbidden("This account is disabled.");
  if (membership.status === "removed") throw forbidden("You were removed from this workspace. Ask an owner or admin to invite you again.");
  if (membership.status !== "active") throw forbidden("Your membership in this workspace is inactive.");
  return {
    userId,
    membershipId: membership.id,
    workspaceId: membership.workspaceId,
    role: membership.role,
  };
}

export function can(actor: Actor, permission: Permission): boolean {
  return roleAllows(actor.role, permission);
}

/** Refuses with a message naming the role and the action, e.g. "A member cannot send invoices." */
export function assertCan(actor: Actor, permission: Permission, action: string): void {
  if (!can(actor, permission)) {
    const article = actor.role === "admin" || actor.role === "owner" ? "An" : "A";
    throw forbidden(`${article} ${actor.role} cannot ${action} in this workspace.`);
  }
}

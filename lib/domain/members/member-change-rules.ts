/**
 * Who may change whose role or membership status. One table of rules, used by the change
 * functions (which enforce it) and by the Members page (which offers only allowed changes):
 *
 * - owners and admins manage members; members manage nobody;
 * - nobody changes their own role or deactivates themselves (so no one locks themselves out
 *   or demotes themselves out of ownership by accident — another owner has to do it);
 * - only owners touch owners: admins move people between member and admin, and no further;
 * - a workspace always keeps at least one active owner;
 * - a removed member is changed no further: they come back through a new invitation.
 */
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { conflict, forbidden, type DomainError } from "@/lib/domain/errors";
import { roleAllows } from "@/lib/domain/permissions";

export interface MemberFacts {
  userId: string;
  name: string;
  role: Role;
  status: MembershipStatus;
}

export type MemberChange = { kind: "role"; to: Role } | { kind: "status"; to: MembershipStatus };

export const LAST_OWNER = "A workspace needs at least one active owner: make someone else an owner first.";

/** Why `actor` may not make `change` to `target`, or null when it is allowed. */
export function memberChangeRefusal(
  actor: { userId: string; role: Role },
  target: MemberFacts,
  change: MemberChange,
  activeOwners: number,
): DomainError | null {
  const verb = change.kind === "role" ? "change roles" : STATUS_VERBS[change.to];
  if (!roleAllows(actor.role, "members:manage")) return forbidden(`A member cannot ${verb} in this workspace.`);
  if (target.userId === actor.userId) {
    return forbidden(change.kind === "role" ? "You cannot change your own role; another owner can." : "You cannot change your own membership; another owner can.");
  }
  if (target.status === "removed") return conflict(`${target.name} was removed from this workspace; invite them again to bring them back.`);
  if (actor.role !== "owner" && target.role === "owner") return forbidden(`Only an owner can ${change.kind === "role" ? "change an owner's role" : verb.replace("members", "an owner")}.`);
  if (actor.role !== "owner" && change.kind === "role" && change.to === "owner") return forbidden("Only an owner can make someone an owner.");
  if (change.kind === "role" && change.to === target.role) return conflict(`${target.name} is already ${article(change.to)} ${change.to}.`);
  if (change.kind === "status" && change.to === target.status) return conflict(`${target.name} is already ${change.to}.`);
  const removesAnOwner = target.role === "owner" && target.status === "active" && (change.kind === "role" ? change.to !== "owner" : change.to !== "active");
  if (removesAnOwner && activeOwners <= 1) return conflict(LAST_OWNER);
  return null;
}

const STATUS_VERBS: Record<MembershipStatus, string> = { inactive: "deactivate members", active: "reactivate members", removed: "remove members" };

function article(role: Role): string {
  return role === "admin" || role === "owner" ? "an" : "a";
}

/**
 * Who may invite whom, how long an invitation lasts, and why a link no longer works. The role
 * rules follow lib/domain/members/member-change-rules.ts: owners and admins invite; members
 * invite nobody; only an owner brings in another owner.
 */
import { env } from "@/lib/env";
import { forbidden, type DomainError } from "@/lib/domain/errors";
import type { InvitationStatus, Role } from "@/lib/generated/prisma/enums";
import { roleAllows } from "@/lib/domain/permissions";

/** An invitation link works for this many days. */
export const INVITATION_TTL_DAYS = 7;

/** The accept page of an invitation token (the only place the token is written down is its outbox message). */
export function invitationLink(token: string): string {
  return `${env.APP_URL}/invite/${token}`;
}

/** Why `actor` may not invite someone as `role`, or null when they may. */
export function inviteRefusal(actor: { role: Role }, role: Role): DomainError | null {
  if (!roleAllows(actor.role, "members:manage")) return forbidden("A member cannot invite people to this workspace.");
  if (actor.role !== "owner" && role === "owner") return forbidden("Only an owner can invite an owner.");
  return null;
}

export type InvitationState = "pending" | "expired" | InvitationStatus;

/** Where an invitation stands at `at`: a pending one past its expiry is expired. */
export function invitationState(row: { status: InvitationStatus; expiresAt: Date }, at: Date): InvitationState {
  if (row.status === "pending" && row.expiresAt.getTime() <= at.getTime()) return "expired";
  return row.status;
}

/** What the accept page and the accept call say for a link that no longer works. */
export const INVITATION_REFUSALS = {
  unknown: "This invitation link is not valid. Check that you copied all of it, or ask for a new invitation.",
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  revoked: "This invitation was withdrawn. Ask the workspace's owner or an admin for a new one.",
  replaced: "This invitation was replaced by a newer one sent to the same email. Open the link in the newest invitation email instead.",
  accepted: "This invitation has already been used. Sign in to open the workspace.",
} as const satisfies Record<Exclude<InvitationState, "pending"> | "unknown", string>;

/** The roles `actor` may invite someone as (what the invite form offers). */
export function invitableRoles(actor: { role: Role }): Role[] {
  return (["member", "admin", "owner"] as const).filter((role) => !inviteRefusal(actor, role));
}

/**
 * Ending a connection. Codes and refresh tokens hang off a grant and access tokens name it,
 * so ending the grant ends them all (the node-oidc-provider model); the authorization server
 * ends grants through here too (reuse detection, token revocation).
 */
import type { DbTx } from "@/lib/db";

export type GrantRevocationReason =
  /** Only in grants ended before each approval became a connection of its own. */
  | "replaced"
  | "idle"
  | "user_revoked"
  | "admin_revoked"
  | "refresh_reuse"
  | "code_reuse"
  | "client_deleted"
  | "token_revoked"
  | "user_disabled"
  /** The member was removed from the workspace (lib/domain/members/remove-member.ts). */
  | "member_removed"
  /** The person reset their password and chose to disconnect every app (lib/domain/users/reset-password.ts). */
  | "password_reset";

/**
 * Ends a grant: its refresh tokens and unused codes are deleted at once, and access tokens
 * naming it fail the liveness check on their next use. Idempotent.
 */
export async function endGrant(tx: DbTx, grantId: string, reason: GrantRevocationReason, endedAt = new Date()): Promise<boolean> {
  const { count } = await tx.oAuthGrant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: endedAt, revokedReason: reason } });
  await tx.oAuthRefreshToken.deleteMany({ where: { grantId } });
  await tx.oAuthAuthorizationCode.deleteMany({ where: { grantId, consumedAt: null } });
  return count > 0;
}

/**
 * Everything a protected-resource request checks live (RFC 6750 §3.1 `invalid_token`, and the
 * workspace's access checks after it), read in one indexed query: the grant, its user's status,
 * its client, its workspace and the user's membership there. Nothing is cached between requests,
 * so a revoked grant, a disabled user or a tightened workspace bites on the very next request,
 * whichever app instance made the change.
 *
 * Why raw SQL: Prisma loads each relation of a nested `select` with a query of its own (five
 * here) unless the `relationJoins` preview feature is on, and that feature does not exist for
 * SQLite (prisma/orm#23348). The statement is plain SQL-92 joins on primary and unique keys with
 * quoted identifiers, the same on SQLite and PostgreSQL; Prisma binds the one parameter. The row
 * is checked with zod: the drivers return the same JavaScript types (Date, boolean, parsed JSON)
 * on both engines, and a change of schema that breaks this query fails here, loudly.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { toMemberWorkspaceFacts, type MemberWorkspaceFacts } from "@/lib/domain/integrations/workspace-facts";
import { BillingState, IntegrationAccessLevel, IntegrationClientPolicy, MembershipStatus, OAuthClientKind, Plan, Role, UserStatus } from "@/lib/generated/prisma/enums";

export interface RequestGrant {
  grant: { id: string; clientId: string; workspaceId: string; userId: string; scope: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };
  userStatus: UserStatus;
  /** null: the client row is gone (deleting a client deletes its grants, so only mid-deletion). */
  client: { id: string; kind: OAuthClientKind; name: string; redirectUris: string[] } | null;
  /** null: the user is not (or no longer) a member of the grant's workspace. */
  membership: MemberWorkspaceFacts | null;
}

const Instant = z.coerce.date();
// Both drivers answer booleans and parsed JSON (a string here would be a driver change: fail).
const Strings = z.array(z.string());

const Row = z.object({
  id: z.string(),
  clientId: z.string(),
  workspaceId: z.string(),
  userId: z.string(),
  scope: z.string(),
  createdAt: Instant,
  lastUsedAt: Instant.nullable(),
  revokedAt: Instant.nullable(),
  userStatus: z.enum(UserStatus),
  workspaceName: z.string(),
  workspaceSlug: z.string(),
  plan: z.enum(Plan),
  publicApiAccess: z.boolean(),
  billingState: z.enum(BillingState),
  clientPolicy: z.enum(IntegrationClientPolicy),
  allowedHosts: Strings,
  maxAccess: z.enum(IntegrationAccessLevel),
  // The LEFT JOINs: a joined row is there or not as a whole (its key is NOT NULL, as are the
  // columns read from it), so its key alone says which; its other columns are read when it is.
  clientRowId: z.string().nullable(),
  membershipId: z.string().nullable(),
});

const ClientColumns = z
  .object({ clientKind: z.enum(OAuthClientKind), clientName: z.string(), clientRedirectUris: Strings })
  .transform((c) => ({ kind: c.clientKind, name: c.clientName, redirectUris: c.clientRedirectUris }));

const MembershipColumns = z
  .object({ role: z.enum(Role), membershipStatus: z.enum(MembershipStatus) })
  .transform((m) => ({ role: m.role, status: m.membershipStatus }));

/** The grant `grantId` with its live facts, or null when there is no such grant. */
export async function findRequestGrant(grantId: string): Promise<RequestGrant | null> {
  // Aliases are quoted: PostgreSQL folds unquoted names to lower case.
  const rows = await db.$queryRaw<unknown[]>`
    SELECT g."id", g."clientId", g."workspaceId", g."userId", g."scope", g."createdAt", g."lastUsedAt", g."revokedAt",
           u."status" AS "userStatus",
           c."id" AS "clientRowId", c."kind" AS "clientKind", c."name" AS "clientName", c."redirectUris" AS "clientRedirectUris",
           w."name" AS "workspaceName", w."slug" AS "workspaceSlug", w."plan", w."publicApiAccess", w."billingState",
           w."integrationClientPolicy" AS "clientPolicy", w."integrationAllowedHosts" AS "allowedHosts", w."integrationMaxAccess" AS "maxAccess",
           m."id" AS "membershipId", m."role", m."status" AS "membershipStatus"
    FROM "OAuthGrant" g
    JOIN "User" u ON u."id" = g."userId"
    JOIN "Workspace" w ON w."id" = g."workspaceId"
    LEFT JOIN "OAuthClient" c ON c."id" = g."clientId"
    LEFT JOIN "Membership" m ON m."workspaceId" = g."workspaceId" AND m."userId" = g."userId"
    WHERE g."id" = ${grantId}`;
  if (rows.length === 0) return null;
  const row = Row.parse(rows[0]);
  return {
    grant: {
      id: row.id,
      clientId: row.clientId,
      workspaceId: row.workspaceId,
      userId: row.userId,
      scope: row.scope,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
      revokedAt: row.revokedAt,
    },
    userStatus: row.userStatus,
    client: row.clientRowId === null ? null : { id: row.clientRowId, ...ClientColumns.parse(rows[0]) },
    membership:
      row.membershipId === null
        ? null
        : toMemberWorkspaceFacts({
            id: row.membershipId,
            ...MembershipColumns.parse(rows[0]),
            workspace: {
              id: row.workspaceId,
              name: row.workspaceName,
              slug: row.workspaceSlug,
              plan: row.plan,
              publicApiAccess: row.publicApiAccess,
              billingState: row.billingState,
              integrationClientPolicy: row.clientPolicy,
              integrationAllowedHosts: row.allowedHosts,
              integrationMaxAccess: row.maxAccess,
            },
          }),
  };
}

/**
 * A connection as the Integrations pages show it: one live grant with its app, workspace,
 * member, approved access in plain words, when it was approved and last used, and its most
 * recent calls. Shared by the account page (own grants) and workspace settings (everyone's).
 */
import { db } from "@/lib/db";
import { bestEffortWrite } from "@/lib/db-errors";
import { resolveResource } from "@/lib/domain/integrations/resources";
import { describeScopesByArea, type ScopeDescription } from "@/lib/domain/integrations/scope-descriptions";
import { accessLevelOf, isScope, type AccessLevel, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { OAuthClientKind } from "@/lib/generated/prisma/enums";
import { isIdle } from "./connection-idleness";
import { describeClientOrigin } from "./describe-client-origin";
import { endIdleGrants } from "./end-idle-grants";
import { flushConnectionActivity } from "./record-connection-activity";

/** How many recent calls each connection shows. */
export const RECENT_ACTIVITY = 5;

export type ActivityOutcome = "ok" | "error" | "denied";

export interface ConnectionActivityView {
  id: string;
  at: Date;
  kind: "tool" | "api";
  name: string;
  outcome: ActivityOutcome;
  detail: string | null;
}

export interface ConnectionView {
  grantId: string;
  clientId: string;
  appName: string;
  /** Where the app comes from: its metadata-document host, "Developer app", or dynamically registered. */
  origin: string;
  clientKind: OAuthClientKind;
  resource: ResourceKind;
  /** "AI assistant (MCP)" or "REST API app". */
  kindLabel: string;
  workspace: { id: string; name: string; slug: string };
  member: { userId: string; name: string; email: string };
  scopes: Scope[];
  accessLevel: AccessLevel;
  access: Array<{ area: string; items: ScopeDescription[] }>;
  approvedAt: Date;
  lastUsedAt: Date | null;
  /** Set when the connection has ended; only connections that ended by going unused are listed. */
  endedAt: Date | null;
  recentActivity: ConnectionActivityView[];
}

export const connectionInclude = {
  client: { select: { id: true, kind: true, name: true } },
  workspace: { select: { id: true, name: true, slug: true } },
  user: { select: { id: true, name: true, email: true } },
} satisfies Prisma.OAuthGrantInclude;

type GrantRow = Prisma.OAuthGrantGetPayload<{ include: typeof connectionInclude }>;

/** How long a connection that ended by going unused stays on the Integrations pages. */
export const SHOW_IDLE_ENDED_DAYS = 30;

/**
 * Live grants matching `where`, newest first, each with its recent activity. Connections that
 * have gone unused too long are ended first, so none is shown as live — and when storage cannot
 * take that write, they are left out of the list all the same.
 */
export async function loadConnections(where: Prisma.OAuthGrantWhereInput): Promise<ConnectionView[]> {
  const swept = await bestEffortWrite("ending idle connections", () => endIdleGrants(where));
  const live = await loadGrants({ ...where, revokedAt: null });
  return swept ? live : live.filter((c) => !isIdle({ lastUsedAt: c.lastUsedAt, createdAt: c.approvedAt }));
}

/** Connections matching `where` that ended by going unused in the last SHOW_IDLE_ENDED_DAYS, newest first. */
export async function loadIdleEndedConnections(where: Prisma.OAuthGrantWhereInput, now = new Date()): Promise<ConnectionView[]> {
  const since = new Date(now.getTime() - SHOW_IDLE_ENDED_DAYS * 24 * 60 * 60 * 1000);
  return loadGrants({ ...where, revokedReason: "idle", revokedAt: { gte: since } });
}

async function loadGrants(where: Prisma.OAuthGrantWhereInput): Promise<ConnectionView[]> {
  // Calls this instance served are still queued: write them first, so the page shows them.
  await flushConnectionActivity();
  const grants = await db.oAuthGrant.findMany({
    where,
    include: connectionInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  const activity = await Promise.all(
    grants.map((g) =>
      db.connectionActivity.findMany({ where: { grantId: g.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_ACTIVITY }),
    ),
  );
  return grants.map((grant, i) => toConnectionView(grant, activity[i] ?? []));
}

function toConnectionView(grant: GrantRow, activity: Array<{ id: string; createdAt: Date; kind: string; name: string; outcome: string; detail: string | null }>): ConnectionView {
  // Scopes were validated when granted; anything unknown since (a retired scope) is just not shown.
  const scopes = grant.scope.split(" ").filter(isScope);
  const resource = resourceKindOf(grant.resource);
  return {
    grantId: grant.id,
    clientId: grant.client.id,
    appName: grant.client.name,
    origin: describeClientOrigin(grant.client),
    clientKind: grant.client.kind,
    resource,
    kindLabel: resource === "mcp" ? "AI assistant (MCP)" : "REST API app",
    workspace: grant.workspace,
    member: { userId: grant.user.id, name: grant.user.name, email: grant.user.email },
    scopes,
    accessLevel: accessLevelOf(scopes),
    access: describeScopesByArea(scopes),
    approvedAt: grant.createdAt,
    lastUsedAt: grant.lastUsedAt,
    endedAt: grant.revokedAt,
    recentActivity: activity.map((a) => ({
      id: a.id,
      at: a.createdAt,
      kind: a.kind === "api" ? "api" : "tool",
      name: a.name,
      outcome: a.outcome === "ok" || a.outcome === "denied" ? a.outcome : "error",
      detail: a.detail,
    })),
  };
}

/** One app's connections: every installation the person approved, live and recently ended. */
export interface AppConnections {
  /** clientId and resource: an app used both over MCP and the REST API is two groups. */
  key: string;
  clientId: string;
  appName: string;
  origin: string;
  kindLabel: string;
  resource: ResourceKind;
  live: ConnectionView[];
  ended: ConnectionView[];
}

/** Groups connections by app, in the order each app first appears (newest first). */
export function groupByApp(live: ConnectionView[], ended: ConnectionView[] = []): AppConnections[] {
  const groups = new Map<string, AppConnections>();
  const groupOf = (c: ConnectionView) => {
    const key = `${c.clientId} ${c.resource}`;
    let group = groups.get(key);
    if (!group) {
      group = { key, clientId: c.clientId, appName: c.appName, origin: c.origin, kindLabel: c.kindLabel, resource: c.resource, live: [], ended: [] };
      groups.set(key, group);
    }
    return group;
  };
  for (const c of live) groupOf(c).live.push(c);
  for (const c of ended) groupOf(c).ended.push(c);
  return [...groups.values()];
}

/** The resource a grant is for; by path when APP_URL has changed since it was granted. */
function resourceKindOf(resource: string): ResourceKind {
  return resolveResource(resource)?.kind ?? (/\/mcp\/?$/.test(resource) ? "mcp" : "api");
}

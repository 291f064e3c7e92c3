/**
 * What one authenticated call costs the database, pinned so a change can only make it cheaper
 * (issue 15 §3: token and live checks in at most two indexed queries, no write per request in
 * steady state, a page of time entries in one or two queries) — and what that cost must not
 * buy: a revoked grant still fails the very next call, and a call still shows on the
 * Integrations page once the activity is flushed.
 *
 * Steady state: the same call just ran and its counts were flushed, so this instance knows the
 * connection's shared rate count (RATE_STALE_MS) and its last-used time is fresh. The
 * write-behind timers are held while counting, so a flush (one per second at most, for every
 * call of that second together) never lands inside the call counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEntriesRoute } from "@/app/api/v1/time-entries/route";
import { db } from "@/lib/db";
import { listUserConnections } from "@/lib/domain/connections/list-user-connections";
import { apiCall } from "@/lib/testing/api-call";
import { countStatements } from "@/lib/testing/count-statements";
import { loadDemoData } from "@/lib/testing/demo-data";
import { callToolOver, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { flushAllWriteBehind, holdWriteBehindTimers } from "@/lib/write-behind";

let adaId: string;
let workspaceId: string;
let token: string;
let apiToken: string;

const listEntries = (bearer: string) => apiCall(listEntriesRoute, { path: "/api/v1/time-entries", token: bearer });

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  workspaceId = demo.lovelace.id;
  token = (await tokensFor({ clientId: await createTestClient({ kind: "dynamic" }), userId: adaId, workspaceId, scope: "hourbook:read hourbook:write" })).access_token;
  apiToken = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId, scope: "hourbook:read", resource: "api" })).access_token;
  // Warm: the first call of a connection records its first use and asks for its rate count.
  expect((await mcpRequest(token, "tools/list")).status).toBe(200);
  expect((await listEntries(apiToken)).status).toBe(200);
  holdWriteBehindTimers(true);
});

afterAll(() => {
  holdWriteBehindTimers(false);
});

describe("the database cost of one call, in steady state", () => {
  it.each([
    // The grant with its user, client, workspace and membership: one query. Nothing written.
    ["MCP tools/list", () => mcpRequest(token, "tools/list"), 1, 0],
    // Plus the page and everything it references: two queries.
    ["MCP tools/call list_time_entries (a page of 50)", () => callToolOver(token, "list_time_entries", {}), 3, 0],
    ["REST GET /api/v1/time-entries (a page of 50)", () => listEntries(apiToken), 3, 0],
  ] as const)("%s", async (_, call, maxReads, maxWrites) => {
    expect((await call()).status).toBe(200);
    await flushAllWriteBehind();
    const cost = await countStatements(call);
    const seen = cost.statements.map((sql) => sql.slice(0, 120)).join("\n");
    expect(cost.reads, seen).toBeLessThanOrEqual(maxReads);
    expect(cost.writes, seen).toBeLessThanOrEqual(maxWrites);
  });
});

describe("what the cheaper path still does", () => {
  it("refuses a grant revoked elsewhere on the very next call (nothing about it is cached)", async () => {
    const clientId = await createTestClient({ kind: "dynamic" });
    const own = (await tokensFor({ clientId, userId: adaId, workspaceId, scope: "hourbook:read" })).access_token;
    expect((await mcpRequest(own, "tools/list")).status).toBe(200);
    expect((await mcpRequest(own, "tools/list")).status).toBe(200);
    // Straight to the database, as another app instance's revocation reaches it.
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { clientId } });
    await db.oAuthGrant.update({ where: { id: grant.id }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    const next = await mcpRequest(own, "tools/list");
    expect(next.status).toBe(401);
    expect(next.headers.get("www-authenticate")).toContain('error="invalid_token"');
  });

  it("refuses a REST call the moment the membership behind it ends", async () => {
    const own = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId, scope: "hourbook:read", resource: "api" })).access_token;
    expect((await listEntries(own)).status).toBe(200);
    const membership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId, userId: adaId } } });
    await db.membership.update({ where: { id: membership.id }, data: { status: "inactive" } });
    try {
      expect((await listEntries(own)).status).toBe(403);
    } finally {
      await db.membership.update({ where: { id: membership.id }, data: { status: "active" } });
    }
  });

  it("shows a call on the Integrations page once its activity is flushed, and the page flushes this instance's own", async () => {
    const clientId = await createTestClient({ kind: "dynamic" });
    const own = (await tokensFor({ clientId, userId: adaId, workspaceId, scope: "hourbook:read" })).access_token;
    expect((await callToolOver(own, "get_profile")).status).toBe(200);
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { clientId } });
    // Held timers: the line is still queued in memory, so another instance would not see it yet…
    expect(await db.connectionActivity.count({ where: { grantId: grant.id } })).toBe(0);
    // …this instance's page flushes first and shows it.
    const view = (await listUserConnections(adaId)).find((c) => c.grantId === grant.id);
    expect(view?.recentActivity.map((a) => a.name)).toEqual(["get_profile"]);
    expect(await db.connectionActivity.count({ where: { grantId: grant.id } })).toBe(1);
  });
});

/**
 * What the cheaper hot path (hot-path.test.ts) must not buy: nothing about a connection is cached
 * between requests, so a grant revoked or a membership ended — by any app instance, straight in
 * the database — fails the very next call; and a call still shows on the Integrations page, at
 * once on the instance that served it and, once flushed, on every other.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEntriesRoute } from "@/app/api/v1/time-entries/route";
import { db } from "@/lib/db";
import { listUserConnections } from "@/lib/domain/connections/list-user-connections";
import { apiCall } from "@/lib/testing/api-call";
import { loadDemoData } from "@/lib/testing/demo-data";
import { callToolOver, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { holdWriteBehindTimers } from "@/lib/write-behind";

let adaId: string;
let workspaceId: string;

const listEntries = (bearer: string) => apiCall(listEntriesRoute, { path: "/api/v1/time-entries", token: bearer });

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  workspaceId = demo.lovelace.id;
  // No timer flushes activity behind the tests' backs: what is in the database is what a flush wrote.
  holdWriteBehindTimers(true);
});

afterAll(() => {
  holdWriteBehindTimers(false);
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

/**
 * What one authenticated call costs the database, pinned so a change can only make it cheaper
 * (issue 15 §3: token and live checks in at most two indexed queries, no write per request in
 * steady state, a page of time entries in one or two queries). What that cost must not buy —
 * liveness, the Integrations page — is hot-path-liveness.test.ts. Both run on both engines
 * (countStatements counts what SQLite prepares or what PostgreSQL is sent).
 *
 * Steady state: the same call just ran and its counts were flushed, so this instance knows the
 * connection's shared rate count (RATE_STALE_MS) and its last-used time is fresh. The
 * write-behind timers are held while counting, so a flush (one per second at most, for every
 * call of that second together) never lands inside the call counted.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listEntriesRoute } from "@/app/api/v1/time-entries/route";
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
    // At least the grant is read: a count of nothing would mean the counting missed the engine.
    expect(cost.reads, seen).toBeGreaterThanOrEqual(1);
    expect(cost.reads, seen).toBeLessThanOrEqual(maxReads);
    expect(cost.writes, seen).toBeLessThanOrEqual(maxWrites);
  });
});

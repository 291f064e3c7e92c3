/**
 * What one authenticated MCP call costs the database today, pinned so a change can only make it
 * cheaper (issue 15 §3 targets: token and live checks in at most two indexed queries, no write
 * per request in steady state, a page of time entries in one or two queries). The numbers are
 * the measured baseline; lower them as the hot path gets cheaper.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "@/lib/testing/count-statements";
import { loadDemoData } from "@/lib/testing/demo-data";
import { callToolOver, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";

let token: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  const clientId = await createTestClient({ kind: "dynamic" });
  token = (await tokensFor({ clientId, userId: demo.ada.id, workspaceId: demo.lovelace.id, scope: "hourbook:read hourbook:write" })).access_token;
  // Warm: the first call of a connection records its first use.
  await mcpRequest(token, "tools/list");
});

describe("the database cost of one MCP call, in steady state", () => {
  it.each([
    // Reads: grant, user, membership, client, workspace. Writes: the rate-limit counter (2).
    ["tools/list", () => mcpRequest(token, "tools/list"), 5, 2],
    // Plus the page and its include tree (11 reads) and the activity line (1 write).
    ["tools/call list_time_entries (a page of 50)", () => callToolOver(token, "list_time_entries", {}), 16, 3],
  ] as const)("%s", async (_, call, maxReads, maxWrites) => {
    const cost = await countStatements(call);
    const seen = cost.statements.map((sql) => sql.slice(0, 120)).join("\n");
    expect(cost.reads, seen).toBeLessThanOrEqual(maxReads);
    expect(cost.writes, seen).toBeLessThanOrEqual(maxWrites);
  });
});

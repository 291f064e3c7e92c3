import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loadConnections, RECENT_ACTIVITY } from "@/lib/domain/connections/connection-view";
import { flushConnectionActivity } from "@/lib/domain/connections/record-connection-activity";
import { ACTIVITY_KEPT_PER_CONNECTION } from "@/lib/domain/connections/trim-connection-activity";
import { createGrant } from "@/lib/oauth/grants";
import { callToolOver } from "@/lib/testing/mcp-call";
import { ALL_MCP_SCOPES, seedDemoWorld, structured, uniqueName, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { sweepBookkeeping } from "./bookkeeping-sweeps";
import { IDEMPOTENCY_TTL_SECONDS } from "./idempotency";
import { recordActivity } from "./record-activity";

const DAY = 24 * 3600 * 1000;
let world: DemoWorld;

beforeAll(async () => {
  world = await seedDemoWorld();
});

async function connection(): Promise<{ token: string; grantId: string }> {
  const clientId = await createTestClient();
  const { access_token: token } = await tokensFor({ clientId, userId: world.adaId, workspaceId: world.workspaceId, scope: ALL_MCP_SCOPES });
  const { id: grantId } = await db.oAuthGrant.findFirstOrThrow({ where: { clientId }, orderBy: { createdAt: "desc" } });
  return { token, grantId };
}

/** A grant that ended `daysAgo` days before now. */
async function endedGrant(daysAgo: number): Promise<string> {
  const clientId = await createTestClient();
  const grantId = await db.$transaction((tx) => createGrant(tx, { userId: world.adaId, clientId, workspaceId: world.workspaceId, resource: "http://localhost:3000/mcp", scope: "hourbook:read" }));
  await db.oAuthGrant.update({ where: { id: grantId }, data: { revokedAt: new Date(Date.now() - daysAgo * DAY), revokedReason: "idle" } });
  return grantId;
}

const activityOf = (grantId: string) => db.connectionActivity.count({ where: { grantId } });
const newestActivity = (grantId: string) =>
  db.connectionActivity.findMany({ where: { grantId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: RECENT_ACTIVITY, select: { id: true } });

describe("the bookkeeping sweep", () => {
  it("keeps both tables bounded under a loop of calls, and the Integrations view still shows the latest calls", async () => {
    const { token, grantId } = await connection();
    for (let round = 1; round <= 3; round++) {
      // Keyed calls through the MCP route (an idempotency record and an activity row each)…
      for (let i = 0; i < 10; i++) {
        structured(await callToolOver(token, "create_tag", { name: uniqueName(`sweep-${round}-${i}`), idempotency_key: randomUUID() }));
      }
      // …and plenty more activity, as a busy connection records it.
      for (let i = 0; i < 200; i++) await recordActivity(grantId, "tool", "list_time_entries", "ok");
      await flushConnectionActivity();
      expect(await activityOf(grantId)).toBeGreaterThan(200);
      const shown = await newestActivity(grantId);

      // A day later, every key of the round has expired.
      await sweepBookkeeping(new Date(Date.now() + IDEMPOTENCY_TTL_SECONDS * 1000 + 1000));

      expect(await db.idempotencyRecord.count({ where: { grantId } })).toBe(0);
      expect(await activityOf(grantId)).toBe(ACTIVITY_KEPT_PER_CONNECTION);
      const [view] = await loadConnections({ id: grantId });
      expect(view?.recentActivity.map((a) => a.id)).toEqual(shown.map((a) => a.id));
    }
  }, 60_000); // 3 rounds of ~80 authenticated calls: seconds on an idle machine, more on a busy one.

  it("keeps idempotency records that still bind their key", async () => {
    const { token, grantId } = await connection();
    const key = randomUUID();
    const name = uniqueName("kept");
    const first = structured(await callToolOver(token, "create_tag", { name, idempotency_key: key }));
    expect(await sweepBookkeeping()).toMatchObject({ idempotencyRecords: 0 });
    expect(await db.idempotencyRecord.count({ where: { grantId } })).toBe(1);
    expect(structured(await callToolOver(token, "create_tag", { name, idempotency_key: key }))).toEqual(first);
  });

  it.each([
    ["a live connection keeps its most recent calls", async () => (await connection()).grantId, 80, ACTIVITY_KEPT_PER_CONNECTION],
    ["a live connection with fewer calls keeps them all", async () => (await connection()).grantId, 7, 7],
    ["a connection that ended recently keeps its calls while the pages may show it", () => endedGrant(1), 80, ACTIVITY_KEPT_PER_CONNECTION],
    ["a connection that ended more than 30 days ago keeps none", () => endedGrant(31), 80, 0],
    ["activity of a grant that no longer exists goes", async () => `deleted-grant-${randomUUID()}`, 80, 0],
  ])("%s", async (_, makeGrant, recorded, kept) => {
    const grantId = await makeGrant();
    const at = Date.now() - 3600_000;
    await db.connectionActivity.createMany({
      data: Array.from({ length: recorded }, (_, i) => ({ grantId, kind: "api", name: "GET /api/v1/me", outcome: "ok", createdAt: new Date(at + i * 1000) })),
    });
    await sweepBookkeeping();
    expect(await activityOf(grantId)).toBe(kept);
  });
});

/**
 * The timer's refusals over both surfaces (the happy paths are in lib/mcp/tool-catalog.test.ts
 * and lib/api/endpoints.test.ts; the catalog-wide scope and bad-input tables in
 * lib/api/refusals.test.ts): each refused call answers its surface's error and changes nothing.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { rest } from "@/lib/testing/api-routes";
import { callToolOver } from "@/lib/testing/mcp-call";
import { connect, seedDemoWorld, toolError, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { createProjectRow } from "@/prisma/seed/factories";

let world: DemoWorld;
let adaApi: string;
let graceApi: string;
let readOnlyApi: string;
let adaMcp: string;
let readOnlyMcp: string;
let ids: { docs: string; archived: string; adaEntry: string; graceEntry: string };

const apiToken = async (userId: string, scope: string) =>
  (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId, workspaceId: world.workspaceId, scope, resource: "api" })).access_token;
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);

/** Everything a refused timer call could change. */
const snapshot = async () => ({
  timers: await db.runningTimer.findMany({ orderBy: { id: "asc" }, include: { tags: true } }),
  entries: await db.timeEntry.findMany({ where: { workspaceId: world.workspaceId }, orderBy: { id: "asc" } }),
});

beforeAll(async () => {
  world = await seedDemoWorld();
  [adaApi, graceApi, readOnlyApi, adaMcp, readOnlyMcp] = await Promise.all([
    apiToken(world.adaId, "hourbook:read hourbook:write"),
    apiToken(world.graceId, "hourbook:read hourbook:write"),
    apiToken(world.adaId, "time:read projects:read"),
    connect(world.adaId, world.workspaceId),
    connect(world.adaId, world.workspaceId, "time:read projects:read"),
  ]);
  const docs = world.demo.docs.id;
  ids = {
    docs,
    archived: (await createProjectRow(db, world.workspaceId, world.demo.babbage.id, { name: "Archived for the timer", archived: true })).id,
    adaEntry: (await createTimeEntry(world.ada, { projectId: docs, startedAt: hoursAgo(30), durationSeconds: 1800, description: "Ada's" })).id,
    graceEntry: (await createTimeEntry(world.grace, { projectId: docs, startedAt: hoursAgo(30), durationSeconds: 1800, description: "Grace's" })).id,
  };
});

beforeEach(async () => {
  await db.runningTimer.deleteMany({});
});

describe("REST", () => {
  it("refuses a token without time:write with 403 insufficient_scope, and starts nothing", async () => {
    const before = await snapshot();
    const res = await rest("POST", "/api/v1/timer", { token: readOnlyApi, body: { project_id: ids.docs } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("insufficient_scope");
    expect(res.headers.get("www-authenticate")).toContain("time:write");
    expect(await snapshot()).toEqual(before);
    // Reading needs only time:read.
    expect(await rest("GET", "/api/v1/timer", { token: readOnlyApi })).toMatchObject({ status: 200, body: null });
  });

  it("answers 404 to a member continuing another member's entry (they cannot see it), and starts nothing", async () => {
    const before = await snapshot();
    const res = await rest("POST", "/api/v1/time-entries/{id}/continue", { token: graceApi, params: { id: ids.adaEntry }, body: {} });
    expect(res.status).toBe(404);
    expect(res.body.detail).toBe("Time entry was not found in this workspace.");
    expect(await snapshot()).toEqual(before);
  });

  it("answers 403 to an owner continuing another member's entry (they can see it: it is not theirs), and starts nothing", async () => {
    const before = await snapshot();
    const res = await rest("POST", "/api/v1/time-entries/{id}/continue", { token: adaApi, params: { id: ids.graceEntry }, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe("You can only continue your own time entries.");
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 naming the running timer to a second start, and 409 to a stop with nothing running", async () => {
    expect((await rest("POST", "/api/v1/timer/stop", { token: adaApi, body: {} })).status).toBe(409);
    await rest("POST", "/api/v1/timer", { token: adaApi, body: { project_id: ids.docs, description: "Indexing" } });
    const before = await snapshot();
    const second = await rest("POST", "/api/v1/timer", { token: adaApi, body: { project_id: ids.docs } });
    expect(second.status).toBe(409);
    expect(second.body.detail).toMatch(/^A timer is already running: Difference Engine Docs \("Indexing"\), started .+\. Stop it before starting another\.$/);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 409 to a stop under a minute and keeps the timer", async () => {
    await rest("POST", "/api/v1/timer", { token: adaApi, body: { project_id: ids.docs } });
    const before = await snapshot();
    const res = await rest("POST", "/api/v1/timer/stop", { token: adaApi, body: {} });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/a time entry is at least one minute\. Keep it running, or discard it\.$/);
    expect(await snapshot()).toEqual(before);
  });

  it("answers 422 naming project_id for an archived project", async () => {
    const res = await rest("POST", "/api/v1/timer", { token: adaApi, body: { project_id: ids.archived } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toHaveProperty(["body.project_id"]);
    expect(await db.runningTimer.count()).toBe(0);
  });
});

describe("MCP", () => {
  it("answers start_timer beyond the grant with 403 insufficient_scope naming time:write", async () => {
    const before = await snapshot();
    const res = await callToolOver(readOnlyMcp, "start_timer", { project_id: ids.docs });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate") ?? "").toContain('error="insufficient_scope"');
    expect(res.headers.get("www-authenticate") ?? "").toContain("time:write");
    expect(await snapshot()).toEqual(before);
  });

  it("does not continue another member's entry: an owner is told only their own continue, nothing started", async () => {
    const before = await snapshot();
    expect(toolError(await callToolOver(adaMcp, "continue_time_entry", { time_entry_id: ids.graceEntry }))).toMatch(/You can only continue your own time entries\./);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a start on an archived project naming the field, and a stop with nothing running", async () => {
    const before = await snapshot();
    expect(toolError(await callToolOver(adaMcp, "start_timer", { project_id: ids.archived }))).toMatch(/archived/);
    expect(toolError(await callToolOver(adaMcp, "stop_timer", {}))).toMatch(/No timer is running/);
    expect(toolError(await callToolOver(adaMcp, "discard_timer", {}))).toMatch(/No timer is running/);
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a second start naming the running timer; stop_running switches instead", async () => {
    await callToolOver(adaMcp, "start_timer", { project_id: ids.docs, description: "Proofs", started_at: hoursAgo(1).toISOString() });
    expect(toolError(await callToolOver(adaMcp, "start_timer", { project_id: ids.docs }))).toMatch(/A timer is already running: Difference Engine Docs \("Proofs"\)/);
    const entries = await db.timeEntry.count();
    const switched = await callToolOver(adaMcp, "start_timer", { project_id: ids.docs, description: "Next", stop_running: true });
    expect(switched.tool?.structuredContent).toMatchObject({ timer: { description: "Next" }, stopped_entry: { description: "Proofs" } });
    expect(switched.tool?.content[0]?.text).toMatch(/^Stopped the previous timer: tracked 1:00 on Difference Engine Docs/);
    expect(await db.timeEntry.count()).toBe(entries + 1);
  });

  it("refuses a stop time before the start naming stopped_at, and keeps the timer", async () => {
    await callToolOver(adaMcp, "start_timer", { project_id: ids.docs, started_at: hoursAgo(1).toISOString() });
    const before = await snapshot();
    const refusal = toolError(await callToolOver(adaMcp, "stop_timer", { stopped_at: hoursAgo(2).toISOString() }));
    // The start as the other timer refusals word moments, in the workspace's zone, not as an ISO timestamp.
    expect(refusal).toMatch(/stop time must be after the timer's start, \d{4}-\d{2}-\d{2} \d{2}:\d{2} \(Europe\/London\)\./);
    expect(refusal).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    expect(await snapshot()).toEqual(before);
  });
});

/**
 * The timer says what its time overlaps, on both surfaces, as create_time_entry does: MCP answers
 * `overlaps` beside the timer or the entry; REST (see lib/api/endpoints.test.ts) puts it beside
 * the resource's fields, and the OpenAPI document publishes it.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db";
import { callToolOver } from "@/lib/testing/mcp-call";
import { connect, seedDemoWorld, structured, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createProjectRow, createTimeEntryRow } from "@/prisma/seed/factories";

let world: DemoWorld;
let mcpToken: string;
let project: string;
let tracked: string;
// Whole seconds, so spans computed from two instants are exact.
const base = Math.floor(Date.now() / 1000) * 1000;
const ago = (minutes: number) => new Date(base - minutes * 60_000);

beforeAll(async () => {
  world = await seedDemoWorld();
  mcpToken = await connect(world.adaId, world.workspaceId);
  project = (await createProjectRow(db, world.workspaceId, world.demo.babbage.id, { name: "Timer overlaps" })).id;
  await db.runningTimer.deleteMany({ where: { membershipId: world.ada.membershipId } });
  // Tracked by hand 10 hours ago, for ten minutes; the timer below starts inside it.
  tracked = (await createTimeEntryRow(db, { workspaceId: world.workspaceId, membershipId: world.ada.membershipId, projectId: project, startedAt: ago(600), durationSeconds: 600, hourlyRate: 0 })).id;
});

const ids = (value: unknown) => (value as { id: string }[]).map((o) => o.id);

describe("MCP", () => {
  it("start_timer, update_running_timer and stop_timer each answer what the timer's time overlaps", async () => {
    const started = structured(await callToolOver(mcpToken, "start_timer", { project_id: project, started_at: ago(595).toISOString() }));
    expect(ids(started.overlaps)).toContain(tracked);
    expect(started).toMatchObject({ stopped_entry: null, stopped_entry_overlaps: [] });

    const edited = structured(await callToolOver(mcpToken, "update_running_timer", { started_at: ago(596).toISOString() }));
    expect(edited).toMatchObject({ timer: { started_at: ago(596).toISOString() } });
    expect(ids(edited.overlaps)).toContain(tracked);

    const stopped = structured(await callToolOver(mcpToken, "stop_timer", { stopped_at: ago(580).toISOString() }));
    expect(stopped).toMatchObject({ time_entry: { started_at: ago(596).toISOString(), duration_seconds: 960 } });
    expect(ids(stopped.overlaps)).toEqual([tracked]);
  });
});

describe("the OpenAPI document", () => {
  it.each([
    ["/api/v1/timer/stop", "post", "201", '"hourly_rate"'],
    ["/api/v1/timer", "patch", "200", '"elapsed_seconds"'],
    ["/api/v1/timer", "post", "201", '"stopped_entry_overlaps"'],
  ])("publishes overlaps in %s %s", (path, method, status, alongside) => {
    const doc = JSON.parse(JSON.stringify(openApiDocument())) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
    const schema = JSON.stringify(doc.paths[path]?.[method]?.responses[status]?.content["application/json"]?.schema);
    expect(schema).toContain('"overlaps"');
    expect(schema).toContain('"ended_at"');
    expect(schema).toContain(alongside);
  });
});

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
const text = (call: Awaited<ReturnType<typeof callToolOver>>) => call.tool?.content[0]?.text ?? "";

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

  // A model that shows only the text must be able to tell the person too.
  it("start_timer, update_running_timer and stop_timer name the overlapped entries, with times and ids, in their text", async () => {
    // Other entries may be named too (the one the test above stopped): the one tracked above must be among them.
    const sentence = (subject: string) =>
      new RegExp(`\\. ${subject} overlaps \\d+ entr(y|ies) already tracked \\(kept either way\\): (.*; )?Timer overlaps from ${ago(600).toISOString()} to ${ago(590).toISOString()} \\(${tracked}\\)[;.]`);
    const started = text(await callToolOver(mcpToken, "start_timer", { project_id: project, started_at: ago(595).toISOString() }));
    expect(started).toMatch(sentence("Its run so far"));
    const edited = text(await callToolOver(mcpToken, "update_running_timer", { started_at: ago(596).toISOString() }));
    expect(edited).toMatch(sentence("Its run so far"));
    const stopped = text(await callToolOver(mcpToken, "stop_timer", { stopped_at: ago(580).toISOString() }));
    expect(stopped).toMatch(sentence("It"));
  });

  it("continue_time_entry names in its text what the entry it stopped overlaps", async () => {
    // A timer started inside tracked time, switched away from by continuing that entry.
    const { id: earlier } = await createTimeEntryRow(db, { workspaceId: world.workspaceId, membershipId: world.ada.membershipId, projectId: project, startedAt: ago(300), durationSeconds: 600, hourlyRate: 0 });
    structured(await callToolOver(mcpToken, "start_timer", { project_id: project, started_at: ago(295).toISOString(), stop_running: true }));
    const call = await callToolOver(mcpToken, "continue_time_entry", { time_entry_id: earlier, stop_running: true });
    expect(ids(structured(call).stopped_entry_overlaps)).toContain(earlier);
    expect(text(call)).toMatch(new RegExp(`^Stopped the previous timer: [^\\n]*\\. That entry overlaps \\d+ entr(y|ies) already tracked \\(kept either way\\): (.*; )?Timer overlaps from ${ago(300).toISOString()} to ${ago(290).toISOString()} \\(${earlier}\\)[;.]`));
    await callToolOver(mcpToken, "discard_timer", {});
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

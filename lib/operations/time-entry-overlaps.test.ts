/**
 * REST and MCP say what a saved entry overlaps (the entry is saved either way), and a create
 * that gives a date without a start time continues the member's day.
 */
import { beforeAll, describe, expect, it } from "vitest";
import * as timeEntriesRoute from "@/app/api/v1/time-entries/route";
import * as timeEntryRoute from "@/app/api/v1/time-entries/[id]/route";
import { openApiDocument } from "@/lib/api/openapi";
import { db } from "@/lib/db";
import { apiCall } from "@/lib/testing/api-call";
import { callToolOver } from "@/lib/testing/mcp-call";
import { connect, seedDemoWorld, structured, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { createProjectRow, createTimeEntryRow } from "@/prisma/seed/factories";

// Lovelace Studio reads dates in Europe/London; early March 2025 is GMT and holds no demo time.
let world: DemoWorld;
let apiToken: string;
let mcpToken: string;
let project: string;
let morning: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  apiToken = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: world.adaId, workspaceId: world.workspaceId, scope: "time:read time:write", resource: "api" })).access_token;
  mcpToken = await connect(world.adaId, world.workspaceId);
  project = (await createProjectRow(db, world.workspaceId, world.demo.babbage.id, { name: "Overlap API" })).id;
  // The example: 09:00–10:25 already tracked.
  morning = (await createTimeEntryRow(db, { workspaceId: world.workspaceId, membershipId: world.ada.membershipId, projectId: project, startedAt: new Date("2025-03-03T09:00:00Z"), durationSeconds: 85 * 60, hourlyRate: 0 })).id;
});

const post = (body: Record<string, unknown>) => apiCall(timeEntriesRoute.POST, { method: "POST", token: apiToken, path: "/api/v1/time-entries", body });

describe("REST", () => {
  it("saves a 09:00–09:07 entry on top of 09:00–10:25 and answers 201 with the overlapped entry", async () => {
    const res = await post({ project_id: project, date: "2025-03-03", start_time: "09:00", duration_seconds: 420 });
    expect(res.status).toBe(201);
    expect(res.body.overlaps).toEqual([
      { id: morning, started_at: "2025-03-03T09:00:00.000Z", ended_at: "2025-03-03T10:25:00.000Z", duration_seconds: 5_100, description: "", project: { id: project, name: "Overlap API" }, task: null },
    ]);
    // The body is the entry itself, with overlaps beside its fields.
    expect(res.body).toMatchObject({ started_at: "2025-03-03T09:00:00.000Z", duration_seconds: 420 });
    expect(await db.timeEntry.count({ where: { id: res.body.id as string } })).toBe(1);
  });

  it("starts a create with a date and no start time where the day's latest entry ended, overlapping nothing", async () => {
    const res = await post({ project_id: project, date: "2025-03-03", duration_seconds: 600 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ started_at: "2025-03-03T10:25:00.000Z", overlaps: [] });
  });

  it("starts a create with only a date on an empty day at 09:00", async () => {
    const res = await post({ project_id: project, date: "2025-03-04", duration_seconds: 600 });
    expect(res.body).toMatchObject({ started_at: "2025-03-04T09:00:00.000Z", overlaps: [] });
  });

  it("answers an update that moves an entry onto other time with what it now overlaps", async () => {
    const created = await post({ project_id: project, date: "2025-03-05", start_time: "15:00", duration_seconds: 600 });
    const id = created.body.id as string;
    const res = await apiCall(timeEntryRoute.PATCH, { method: "PATCH", token: apiToken, path: `/api/v1/time-entries/${id}`, params: { id }, body: { date: "2025-03-03", start_time: "10:00" } });
    expect(res.status).toBe(200);
    expect((res.body.overlaps as { id: string }[]).map((o) => o.id)).toContain(morning);
    // The entry never overlaps itself.
    expect((res.body.overlaps as { id: string }[]).map((o) => o.id)).not.toContain(id);
  });

  it("refuses a start time without a date with 422, and saves nothing", async () => {
    const before = await db.timeEntry.count();
    const res = await post({ project_id: project, start_time: "09:00", duration_seconds: 600 });
    expect(res.status).toBe(422);
    expect(await db.timeEntry.count()).toBe(before);
  });
});

describe("the OpenAPI document", () => {
  it.each([
    ["/api/v1/time-entries", "post", "201"],
    ["/api/v1/time-entries/{id}", "patch", "200"],
  ])("publishes overlaps beside the entry's fields in %s %s", (path, method, status) => {
    const doc = JSON.parse(JSON.stringify(openApiDocument())) as { paths: Record<string, Record<string, { responses: Record<string, { content: Record<string, { schema: unknown }> }> }>> };
    const schema = JSON.stringify(doc.paths[path]?.[method]?.responses[status]?.content["application/json"]?.schema);
    expect(schema).toContain('"overlaps"');
    expect(schema).toContain('"ended_at"');
    expect(schema).toContain('"hourly_rate"');
  });
});

describe("MCP", () => {
  const text = (call: Awaited<ReturnType<typeof callToolOver>>) => call.tool?.content[0]?.text ?? "";

  it("create_time_entry answers the entry and, beside it, what it overlaps", async () => {
    const call = await callToolOver(mcpToken, "create_time_entry", { project_id: project, started_at: "2025-03-03T09:30:00Z", duration_seconds: 600 });
    expect(structured(call)).toMatchObject({ time_entry: { started_at: "2025-03-03T09:30:00.000Z" } });
    expect((structured(call).overlaps as { id: string }[]).map((o) => o.id)).toContain(morning);
  });

  // A model that shows only the text must be able to tell the person too.
  it("create_time_entry says in its text which entries it overlaps, with their times and ids", async () => {
    const call = await callToolOver(mcpToken, "create_time_entry", { project_id: project, started_at: "2025-03-10T09:00:00Z", duration_seconds: 3600 });
    const other = (await createTimeEntryRow(db, { workspaceId: world.workspaceId, membershipId: world.ada.membershipId, projectId: project, startedAt: new Date("2025-03-10T09:30:00Z"), durationSeconds: 3600, hourlyRate: 0 })).id;
    expect(text(call)).not.toContain("already tracked");
    const second = await callToolOver(mcpToken, "create_time_entry", { project_id: project, started_at: "2025-03-10T09:15:00Z", duration_seconds: 1800 });
    const first = (structured(call).time_entry as { id: string }).id;
    expect(text(second)).toContain(
      `It overlaps 2 entries already tracked (kept either way): Overlap API from 2025-03-10T09:00:00.000Z to 2025-03-10T10:00:00.000Z (${first}); Overlap API from 2025-03-10T09:30:00.000Z to 2025-03-10T10:30:00.000Z (${other}).`,
    );
  });

  it("update_time_entry says in its text what the moved entry now overlaps", async () => {
    const { id: booked } = await createTimeEntryRow(db, { workspaceId: world.workspaceId, membershipId: world.ada.membershipId, projectId: project, startedAt: new Date("2025-03-12T09:00:00Z"), durationSeconds: 3600, hourlyRate: 0 });
    const created = structured(await callToolOver(mcpToken, "create_time_entry", { project_id: project, started_at: "2025-03-12T15:00:00Z", duration_seconds: 600 }));
    const moved = await callToolOver(mcpToken, "update_time_entry", { time_entry_id: (created.time_entry as { id: string }).id, started_at: "2025-03-12T09:50:00Z" });
    expect(text(moved)).toContain(`. It overlaps 1 entry already tracked (kept either way): Overlap API from 2025-03-12T09:00:00.000Z to 2025-03-12T10:00:00.000Z (${booked}).`);
  });
});

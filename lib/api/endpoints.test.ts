/**
 * Every REST endpoint's happy path, called through its route file as Next serves it, as the
 * owner of Lovelace Studio with every API scope. The last test checks that every endpoint in
 * the catalog answered 2xx at least once here.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { addIsoDays, localDateOf } from "@/lib/domain/dates";
import { rest, succeeded } from "@/lib/testing/api-routes";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { MENABREA_UNBILLED_TOTAL } from "@/prisma/seed/demo";
import { API_ENDPOINTS } from "./endpoint-catalog";

const ALL_API_SCOPES = "hourbook:read hourbook:write hourbook:admin profile:read settings:read settings:write";

let token: string;
let workspaceId: string;
let adaMemberId: string;
let babbageId: string;
let menabreaId: string;
let docsProjectId: string;
let today: string;

type Row = Record<string, unknown>;
const rows = (body: Row) => body.data as Row[];

beforeAll(async () => {
  const demo = await loadDemoData();
  const adaId = demo.ada.id;
  workspaceId = demo.lovelace.id;
  adaMemberId = (await db.membership.findFirstOrThrow({ where: { workspaceId, userId: adaId } })).id;
  babbageId = demo.babbage.id;
  menabreaId = demo.menabrea.id;
  docsProjectId = demo.docs.id;
  today = localDateOf(now(), "Europe/London");
  token = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: adaId, workspaceId, scope: ALL_API_SCOPES, resource: "api" })).access_token;
});

describe("profile and workspace settings", () => {
  it("GET /api/v1/me names the user, role, member id, workspace and scopes", async () => {
    const res = await rest("GET", "/api/v1/me", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: "ada@example.com" }, role: "owner", member_id: adaMemberId, workspace: { slug: "lovelace-studio" } });
    expect(res.body.scopes).toContain("settings:write");
  });

  it("GET /api/v1/workspace/settings reads the settings", async () => {
    const res = await rest("GET", "/api/v1/workspace/settings", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Lovelace Studio", currency: "EUR", time_zone: "Europe/London", default_hourly_rate: 9_000, payment_terms_days: 30, invoice_prefix: "INV-" });
    expect(res.body).toMatchObject({ legal_name: "Lovelace Studio Ltd", tax_id: "GB 123 4567 89", contact_email: "billing@lovelace.example", paper_size: "a4", credit_note_prefix: "CN-", logo_id: null });
    expect(res.body.address).toContain("London SW1Y 4JH");
    expect(res.body.payment_instructions).toContain("IBAN");
  });

  it("PATCH /api/v1/workspace/settings changes only the fields given", async () => {
    const res = await rest("PATCH", "/api/v1/workspace/settings", { token, body: { name: "Lovelace Studio Ltd", default_hourly_rate: 9_500, payment_terms_days: 14 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: "Lovelace Studio Ltd", default_hourly_rate: 9_500, payment_terms_days: 14, currency: "EUR", time_zone: "Europe/London" });
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).toMatchObject({ name: "Lovelace Studio Ltd", paymentTermsDays: 14 });
  });

  it("PATCH /api/v1/workspace/settings changes the business details, and \"\" clears one", async () => {
    const body = { legal_name: "Lovelace Studio Limited", address: "1 Bath Road\nBristol BS1 1AA", tax_id: "GB 999 9999 99", contact_email: "", payment_instructions: "Pay by card", paper_size: "letter", credit_note_prefix: "LCN-" };
    const res = await rest("PATCH", "/api/v1/workspace/settings", { token, body });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject(body);
    expect(await db.workspace.findUniqueOrThrow({ where: { id: workspaceId } })).toMatchObject({ legalName: "Lovelace Studio Limited", contactEmail: "", paperSize: "letter", creditNotePrefix: "LCN-" });
  });
});

describe("clients, projects, tasks and tags", () => {
  let clientId: string;
  let projectId: string;
  let tagId: string;

  it("GET /api/v1/clients lists active clients; GET /api/v1/clients/{id} reads one", async () => {
    const list = await rest("GET", "/api/v1/clients", { token });
    expect(rows(list.body).map((c) => c.name)).toEqual(["Babbage & Co", "Menabrea Press"]);
    const one = await rest("GET", "/api/v1/clients/{id}", { token, params: { id: babbageId } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: babbageId, name: "Babbage & Co", email: "accounts@babbage.example", project_count: 2 });
  });

  it("POST /api/v1/clients creates (201) and PATCH /api/v1/clients/{id} changes a client", async () => {
    const created = await rest("POST", "/api/v1/clients", { token, body: { name: "Somerville Ltd", email: "mary@somerville.example" } });
    expect(created.status).toBe(201);
    clientId = created.body.id as string;
    expect(created.body).toMatchObject({ tax_id: null, invoice_email: null });
    const changed = await rest("PATCH", "/api/v1/clients/{id}", {
      token,
      params: { id: clientId },
      body: { address: "1 Broad Street\nOxford OX1 3AZ", email: null, tax_id: "GB 111 2222 33", invoice_email: "ap@somerville.example" },
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: "Somerville Ltd", email: null, address: "1 Broad Street\nOxford OX1 3AZ", tax_id: "GB 111 2222 33", invoice_email: "ap@somerville.example", archived: false });
    const cleared = await rest("PATCH", "/api/v1/clients/{id}", { token, params: { id: clientId }, body: { tax_id: null } });
    expect(cleared.body).toMatchObject({ tax_id: null, invoice_email: "ap@somerville.example" });
  });

  it("POST /api/v1/projects creates, GET /api/v1/projects filters by client, PATCH /api/v1/projects/{id} changes", async () => {
    const created = await rest("POST", "/api/v1/projects", { token, body: { client_id: clientId, name: "Mechanism of the Heavens", hourly_rate: 10_000 } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Mechanism of the Heavens", hourly_rate: 10_000, billable_by_default: true, client: { id: clientId } });
    projectId = created.body.id as string;

    const list = await rest("GET", "/api/v1/projects", { token, query: { client_id: clientId } });
    expect(rows(list.body).map((p) => p.id)).toEqual([projectId]);

    const changed = await rest("PATCH", "/api/v1/projects/{id}", { token, params: { id: projectId }, body: { hourly_rate: null, billable_by_default: false } });
    expect(changed.body).toMatchObject({ hourly_rate: null, billable_by_default: false });
  });

  it("POST /api/v1/tags creates and GET /api/v1/tags lists tags with usage", async () => {
    const created = await rest("POST", "/api/v1/tags", { token, body: { name: "astronomy" } });
    expect(created.status).toBe(201);
    tagId = created.body.id as string;
    const list = await rest("GET", "/api/v1/tags", { token });
    expect(rows(list.body)).toContainEqual({ id: tagId, name: "astronomy", time_entry_count: 0, task_count: 0 });
  });

  it("POST /api/v1/tasks creates, GET /api/v1/tasks filters by project and status, PATCH /api/v1/tasks/{id} changes", async () => {
    const created = await rest("POST", "/api/v1/tasks", { token, body: { project_id: projectId, name: "Translate Laplace", estimate_seconds: 36_000, tag_ids: [tagId] } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: "open", billable: false, estimate_seconds: 36_000, tags: [{ id: tagId, name: "astronomy" }] });
    const taskId = created.body.id as string;

    const changed = await rest("PATCH", "/api/v1/tasks/{id}", { token, params: { id: taskId }, body: { status: "in_progress", estimate_seconds: null, tag_ids: [] } });
    expect(changed.body).toMatchObject({ status: "in_progress", estimate_seconds: null, tags: [] });

    const inProgress = await rest("GET", "/api/v1/tasks", { token, query: { project_id: projectId, status: "in_progress" } });
    expect(rows(inProgress.body).map((t) => t.id)).toEqual([taskId]);
    expect(rows(inProgress.body)[0]).toMatchObject({ tracked_seconds: 0 });
    expect(rows((await rest("GET", "/api/v1/tasks", { token, query: { project_id: projectId, status: "done" } })).body)).toEqual([]);
  });
});

describe("time entries", () => {
  let entryId: string;

  it("POST /api/v1/time-entries tracks time (201) and GET /api/v1/time-entries/{id} reads it back", async () => {
    const created = await rest("POST", "/api/v1/time-entries", {
      token,
      body: { project_id: docsProjectId, started_at: `${today}T08:00:00Z`, duration_seconds: 5_400, description: "Index of the manual", billable: false },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ duration_seconds: 5_400, billable: false, hourly_rate: 12_000, project: { id: docsProjectId }, member: { id: adaMemberId }, invoice: null });
    entryId = created.body.id as string;
    // The created entry's body also says what it overlaps (an array, [] when nothing); the rest is the entry.
    const { overlaps, ...entry } = created.body;
    expect(overlaps).toEqual(expect.any(Array));
    const read = await rest("GET", "/api/v1/time-entries/{id}", { token, params: { id: entryId } });
    expect(read.body).toEqual(entry);
  });

  it("PATCH /api/v1/time-entries/{id} edits the fields given", async () => {
    const tags = await db.tag.findMany({ where: { workspaceId, name: { in: ["writing", "review"] } }, orderBy: { name: "asc" } });
    const res = await rest("PATCH", "/api/v1/time-entries/{id}", { token, params: { id: entryId }, body: { duration_seconds: 3_600, tag_ids: tags.map((t) => t.id) } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ duration_seconds: 3_600, description: "Index of the manual", tags: [{ name: "review" }, { name: "writing" }] });
  });

  it("GET /api/v1/time-entries filters by project, billable, invoiced, tags and dates", async () => {
    const writing = await db.tag.findFirstOrThrow({ where: { workspaceId, name: "writing" } });
    const research = await db.tag.findFirstOrThrow({ where: { workspaceId, name: "research" } });
    const res = await rest("GET", "/api/v1/time-entries", {
      token,
      query: { project_id: docsProjectId, billable: "false", invoiced: "false", tag_id: [writing.id, research.id], from: today, to: today, member_id: adaMemberId },
    });
    expect(res.status).toBe(200);
    expect(rows(res.body).map((e) => e.id)).toContain(entryId);
    for (const entry of rows(res.body)) expect(entry).toMatchObject({ billable: false, invoice: null, project: { id: docsProjectId } });

    const menabrea = await rest("GET", "/api/v1/time-entries", { token, query: { client_id: menabreaId, limit: "200" } });
    expect(rows(menabrea.body)).toHaveLength(7);
    expect(menabrea.body.next_cursor).toBeNull();
  });

  it("GET /api/v1/time-entries pages with cursor and limit, newest first, without gaps or repeats", async () => {
    const all = rows((await rest("GET", "/api/v1/time-entries", { token, query: { client_id: menabreaId, limit: "200" } })).body).map((e) => e.id);
    const paged: unknown[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: Row } = await rest("GET", "/api/v1/time-entries", { token, query: { client_id: menabreaId, limit: "3", ...(cursor ? { cursor } : {}) } });
      expect(page.status).toBe(200);
      expect(rows(page.body).length).toBeLessThanOrEqual(3);
      paged.push(...rows(page.body).map((e) => e.id));
      cursor = page.body.next_cursor as string | null;
    } while (cursor);
    expect(paged).toEqual(all);
  });

  it("DELETE /api/v1/time-entries/{id} deletes with 204; the entry is gone", async () => {
    const res = await rest("DELETE", "/api/v1/time-entries/{id}", { token, params: { id: entryId } });
    expect(res.status).toBe(204);
    expect(await db.timeEntry.count({ where: { id: entryId } })).toBe(0);
    expect((await rest("GET", "/api/v1/time-entries/{id}", { token, params: { id: entryId } })).status).toBe(404);
  });

  it("replays a create retried with the same Idempotency-Key instead of tracking twice", async () => {
    const call = { token, headers: { "idempotency-key": "entry-retry-0001" }, body: { project_id: docsProjectId, started_at: `${today}T06:00:00Z`, duration_seconds: 600, billable: false, description: "Retried" } };
    const first = await rest("POST", "/api/v1/time-entries", call);
    const again = await rest("POST", "/api/v1/time-entries", call);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(first.body);
    // Counted by description too: the demo's time of today may start at 06:00 as well (it ends by the moment it was seeded).
    expect(await db.timeEntry.count({ where: { workspaceId, startedAt: new Date(`${today}T06:00:00Z`), description: "Retried" } })).toBe(1);
  });
});

describe("the timer", () => {
  const twoHoursAgo = () => new Date(Date.now() - 7_200_000).toISOString();

  it("GET /api/v1/timer answers null while no timer runs; POST /api/v1/timer starts one (201) that GET then shows", async () => {
    expect(await rest("GET", "/api/v1/timer", { token })).toMatchObject({ status: 200, body: null });
    const started = await rest("POST", "/api/v1/timer", { token, body: { project_id: docsProjectId, description: "Proof reading", started_at: twoHoursAgo() } });
    expect(started.status).toBe(201);
    expect(started.body).toMatchObject({ timer: { description: "Proof reading", billable: true, project: { id: docsProjectId } }, stopped_entry: null, discarded_previous: false });
    const read = await rest("GET", "/api/v1/timer", { token });
    expect(read.body).toMatchObject({ id: (started.body.timer as Row).id, description: "Proof reading" });
    expect(read.body.elapsed_seconds as number).toBeGreaterThanOrEqual(7_200);
  });

  it("PATCH /api/v1/timer edits the running timer", async () => {
    const res = await rest("PATCH", "/api/v1/timer", { token, body: { description: "Proof reading, part 2", billable: false } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: "Proof reading, part 2", billable: false });
  });

  it("POST /api/v1/timer/stop records the entry once (201); a retry with its Idempotency-Key replays it", async () => {
    const before = await db.timeEntry.count({ where: { workspaceId } });
    const call = { token, headers: { "idempotency-key": "timer-stop-0001" }, body: {} };
    const stopped = await rest("POST", "/api/v1/timer/stop", call);
    expect(stopped.status).toBe(201);
    expect(stopped.body).toMatchObject({ description: "Proof reading, part 2", billable: false, hourly_rate: 12_000, member: { id: adaMemberId } });
    expect(stopped.body.duration_seconds as number).toBeGreaterThanOrEqual(7_200);
    const again = await rest("POST", "/api/v1/timer/stop", call);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(again.body).toEqual(stopped.body);
    expect(await db.timeEntry.count({ where: { workspaceId } })).toBe(before + 1);
    expect((await rest("GET", "/api/v1/timer", { token })).body).toBeNull();
  });

  it("POST /api/v1/time-entries/{id}/continue starts a timer like the entry (201); DELETE /api/v1/timer discards it", async () => {
    const entry = await db.timeEntry.findFirstOrThrow({ where: { workspaceId, membershipId: adaMemberId, description: "Proof reading, part 2" } });
    const continued = await rest("POST", "/api/v1/time-entries/{id}/continue", { token, params: { id: entry.id }, body: {} });
    expect(continued.status).toBe(201);
    expect(continued.body).toMatchObject({ timer: { description: "Proof reading, part 2", billable: false, project: { id: docsProjectId } } });
    const before = await db.timeEntry.count({ where: { workspaceId } });
    const discarded = await rest("DELETE", "/api/v1/timer", { token });
    expect(discarded.status).toBe(200);
    expect(discarded.body).toMatchObject({ description: "Proof reading, part 2" });
    expect(await db.timeEntry.count({ where: { workspaceId } })).toBe(before);
    expect((await rest("GET", "/api/v1/timer", { token })).body).toBeNull();
  });
});

describe("the timer never counts time twice, and says what it overlaps", () => {
  // Whole seconds from one moment, so spans computed from two of them are exact.
  const base = Math.floor(Date.now() / 1000) * 1000;
  const ago = (minutes: number) => new Date(base - minutes * 60_000).toISOString();
  const ids = (list: unknown) => (list as Row[]).map((o) => o.id);
  const discardAny = () => rest("DELETE", "/api/v1/timer", { token });

  it("a switch with an earlier started_at stops the running timer at the new start, not now", async () => {
    await discardAny();
    await rest("POST", "/api/v1/timer", { token, body: { project_id: docsProjectId, description: "Switch one", started_at: ago(30) } });
    const switched = await rest("POST", "/api/v1/timer", { token, body: { project_id: docsProjectId, description: "Switch two", started_at: ago(10), stop_running: true } });
    expect(switched.status).toBe(201);
    const stopped = switched.body.stopped_entry as Row;
    const timer = switched.body.timer as Row;
    // 30 minutes ago to 10 minutes ago: the running timer ends where the new one begins.
    expect(stopped).toMatchObject({ description: "Switch one", duration_seconds: 1200 });
    expect(Date.parse(stopped.started_at as string) + 1_200_000).toBe(Date.parse(timer.started_at as string));
    expect(switched.body).toMatchObject({ discarded_previous: false, overlaps: expect.any(Array), stopped_entry_overlaps: expect.any(Array) });
    await discardAny();
  });

  it("a start, an edit of the start and a stop inside tracked time each answer overlaps", async () => {
    await discardAny();
    const tracked = await rest("POST", "/api/v1/time-entries", { token, body: { project_id: docsProjectId, started_at: ago(300), duration_seconds: 600, description: "Tracked by hand" } });
    const started = await rest("POST", "/api/v1/timer", { token, body: { project_id: docsProjectId, started_at: ago(295) } });
    expect(ids(started.body.overlaps)).toContain(tracked.body.id);
    const edited = await rest("PATCH", "/api/v1/timer", { token, body: { started_at: ago(294) } });
    expect(edited.status).toBe(200);
    expect(ids(edited.body.overlaps)).toContain(tracked.body.id);
    const stopped = await rest("POST", "/api/v1/timer/stop", { token, body: { stopped_at: ago(280) } });
    expect(stopped.status).toBe(201);
    // The demo's time of today (it ends by the moment of seeding) may be overlapped too.
    expect(stopped.body).toMatchObject({ duration_seconds: 840 });
    expect(stopped.body.overlaps).toContainEqual(expect.objectContaining({ id: tracked.body.id, description: "Tracked by hand", duration_seconds: 600 }));
  });

  it("a stop, an edit or a discard naming a timer that is not running says which, and changes nothing", async () => {
    await discardAny();
    await rest("POST", "/api/v1/timer", { token, body: { project_id: docsProjectId, description: "Still running", started_at: ago(5) } });
    const cases = [
      ["POST", "/api/v1/timer/stop", { timer_id: "made-up" }, "Nothing was stopped"],
      ["PATCH", "/api/v1/timer", { timer_id: "made-up", description: "x" }, "Nothing was changed: the timer you edited"],
      ["DELETE", "/api/v1/timer", { timer_id: "made-up" }, "Nothing was discarded"],
    ] as const;
    for (const [method, path, body, said] of cases) {
      const res = await rest(method, path, { token, body });
      expect(res.status, `${method} ${path}`).toBe(409);
      expect(res.body.detail).toEqual(expect.stringContaining(said));
    }
    expect((await rest("GET", "/api/v1/timer", { token })).body).toMatchObject({ description: "Still running" });
    await discardAny();
  });

  it("an owner continuing another member's entry is told it is not theirs (403), not that it is missing", async () => {
    await discardAny();
    const others = await db.timeEntry.findFirstOrThrow({ where: { workspaceId, membershipId: { not: adaMemberId } } });
    const res = await rest("POST", "/api/v1/time-entries/{id}/continue", { token, params: { id: others.id }, body: {} });
    expect(res.status).toBe(403);
    expect(res.body.detail).toBe("You can only continue your own time entries.");
    expect((await rest("GET", "/api/v1/timer", { token })).body).toBeNull();
  });
});

describe("billing rules", () => {
  it("POST /api/v1/rules creates a rule of one kind, PATCH /api/v1/rules/{id} changes it, GET /api/v1/rules lists it", async () => {
    const created = await rest("POST", "/api/v1/rules", { token, body: { kind: "rate_override", name: "Docs at 130", hourly_rate: 13_000, project_id: docsProjectId, member_id: adaMemberId } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: "rate_override", hourly_rate: 13_000, active: true, project: { id: docsProjectId }, client: { id: babbageId }, member: { id: adaMemberId } });
    const ruleId = created.body.id as string;

    const changed = await rest("PATCH", "/api/v1/rules/{id}", { token, params: { id: ruleId }, body: { active: false, member_id: null } });
    expect(changed.body).toMatchObject({ active: false, member: null });

    const list = await rest("GET", "/api/v1/rules", { token });
    expect(rows(list.body).map((r) => r.name)).toEqual(expect.arrayContaining(["Round up to 15 minutes", "Docs at 130"]));
  });
});

describe("invoices and payments", () => {
  const range = () => ({ from: addIsoDays(today, -42), to: today });
  let menabreaDraftId: string;

  it("GET /api/v1/billable-candidates prices a client's unbilled time after rules", async () => {
    const res = await rest("GET", "/api/v1/billable-candidates", { token, query: { client_id: menabreaId, ...range() } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ client: { id: menabreaId }, currency: "EUR", amount: MENABREA_UNBILLED_TOTAL });
    expect(res.body.entries).toHaveLength(6);
  });

  it("POST /api/v1/invoices/preview shows the invoice and creates nothing", async () => {
    const before = await db.invoice.count();
    const res = await rest("POST", "/api/v1/invoices/preview", { token, body: { client_id: menabreaId, ...range(), tax_rate: 2_000 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ next_label: "INV-0004", totals: { subtotal: MENABREA_UNBILLED_TOTAL, tax_amount: 17_200, total: 103_200 } });
    expect(await db.invoice.count()).toBe(before);
  });

  it("POST /api/v1/invoices creates the previewed draft (201) and reserves its time", async () => {
    const res = await rest("POST", "/api/v1/invoices", { token, body: { client_id: menabreaId, ...range(), tax_rate: 2_000, notes: "Grazie" } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ label: "INV-0004", status: "draft", total: 103_200, notes: "Grazie" });
    menabreaDraftId = res.body.id as string;
    const again = await rest("GET", "/api/v1/billable-candidates", { token, query: { client_id: menabreaId, ...range() } });
    expect(again.body).toMatchObject({ amount: 0, entries: [] });
  });

  it("GET /api/v1/invoices lists newest first with a status filter and cursor; GET /api/v1/invoices/{id} reads one", async () => {
    const first = await rest("GET", "/api/v1/invoices", { token, query: { limit: "2" } });
    expect(rows(first.body).map((i) => i.label)).toEqual(["INV-0004", "INV-0003"]);
    const second = await rest("GET", "/api/v1/invoices", { token, query: { limit: "2", cursor: first.body.next_cursor as string } });
    expect(rows(second.body).map((i) => i.label)).toEqual(["INV-0002", "INV-0001"]);
    expect(second.body.next_cursor).toBeNull();
    const paid = await rest("GET", "/api/v1/invoices", { token, query: { status: "paid" } });
    expect(rows(paid.body).map((i) => i.label)).toEqual(["INV-0001"]);

    const one = await rest("GET", "/api/v1/invoices/{id}", { token, params: { id: menabreaDraftId } });
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: menabreaDraftId, client: { name: "Menabrea Press" }, payments: [], deliveries: [] });
  });

  it("PATCH /api/v1/invoices/{id} edits a draft: named taxes, a discount, a tax note and notes, totals recomputed", async () => {
    const res = await rest("PATCH", "/api/v1/invoices/{id}", {
      token,
      params: { id: menabreaDraftId },
      body: { taxes: [{ label: "IVA", rate: 2_200 }], discount: { label: "Sconto", rate: 1_000 }, tax_note: "Art. 7-ter", notes: "Grazie mille" },
    });
    expect(res.status).toBe(200);
    // 86 000 − 10 % = 77 400; IVA 22 % = 17 028.
    expect(res.body).toMatchObject({ id: menabreaDraftId, status: "draft", label: "INV-0004", taxes: [{ label: "IVA", rate: 2_200, amount: 17_028 }], discount: { label: "Sconto", rate: 1_000 }, discount_amount: 8_600, tax_note: "Art. 7-ter", notes: "Grazie mille", total: 94_428 });
    // Back as it was, for the payments below.
    const back = await rest("PATCH", "/api/v1/invoices/{id}", { token, params: { id: menabreaDraftId }, body: { taxes: [{ label: "Tax", rate: 2_000 }], discount: null, notes: "Grazie" } });
    expect(back.body).toMatchObject({ discount: null, discount_amount: 0, total: 103_200 });
  });

  it("POST /api/v1/invoices/{id}/send sends a draft once: a second send without a key is a 409", async () => {
    const sent = await rest("POST", "/api/v1/invoices/{id}/send", { token, params: { id: menabreaDraftId }, body: { message: "With thanks" } });
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({ status: "sent", deliveries: [{ to_address: "editor@menabrea.example" }] });
    const again = await rest("POST", "/api/v1/invoices/{id}/send", { token, params: { id: menabreaDraftId }, body: {} });
    expect(again.status).toBe(409);
    expect(await db.outboxMessage.count({ where: { invoiceId: menabreaDraftId } })).toBe(1);
  });

  it("a send retried with its Idempotency-Key returns the first result and sends one message", async () => {
    const draft = await db.invoice.findFirstOrThrow({ where: { workspaceId, status: "draft" } });
    const call = { token, params: { id: draft.id }, body: {}, headers: { "idempotency-key": "send-draft-0001" } };
    const first = await rest("POST", "/api/v1/invoices/{id}/send", call);
    const retry = await rest("POST", "/api/v1/invoices/{id}/send", call);
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(await db.outboxMessage.count({ where: { invoiceId: draft.id } })).toBe(1);
  });

  it("POST /api/v1/invoices/{id}/payments records a payment once per Idempotency-Key", async () => {
    const call = { token, params: { id: menabreaDraftId }, body: { amount: 50_000, paid_on: today, method: "card", reference: "Part 1" }, headers: { "idempotency-key": "payment-menabrea-1" } };
    const first = await rest("POST", "/api/v1/invoices/{id}/payments", call);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: "sent", amount_paid: 50_000, balance_due: 53_200, payments: [{ amount: 50_000, method: "card" }] });
    const retry = await rest("POST", "/api/v1/invoices/{id}/payments", call);
    expect(retry.body).toEqual(first.body);
    expect(await db.payment.count({ where: { invoiceId: menabreaDraftId } })).toBe(1);
  });

  it("GET /api/v1/invoices/{id}/pdf downloads the PDF; GET /api/v1/invoices/{id} with Accept: application/pdf answers the same bytes", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId, status: "sent" }, orderBy: { number: "desc" } });
    const label = `INV-${String(sent.number).padStart(4, "0")}`;
    const pdf = await rest("GET", "/api/v1/invoices/{id}/pdf", { token, params: { id: sent.id }, query: { size: "letter" } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="${label}.pdf"`);
    expect(Buffer.from(pdf.bytes!).subarray(0, 5).toString()).toBe("%PDF-");
    const negotiated = await rest("GET", "/api/v1/invoices/{id}", { token, params: { id: sent.id }, query: { size: "letter" }, headers: { accept: "application/pdf" } });
    expect(negotiated.status).toBe(200);
    expect(negotiated.headers.get("vary")).toBe("Accept");
    expect(Buffer.from(negotiated.bytes!).equals(Buffer.from(pdf.bytes!))).toBe(true);
    const json = await rest("GET", "/api/v1/invoices/{id}", { token, params: { id: sent.id }, headers: { accept: "text/html, application/xml;q=0.9" } });
    expect(json.headers.get("content-type")).toContain("application/json");
    expect(json.body).toMatchObject({ id: sent.id, label });
  });

  it("POST /api/v1/invoices/{id}/reminders puts a reminder with the PDF in the outbox", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId, status: "sent" }, orderBy: { number: "desc" } });
    const res = await rest("POST", "/api/v1/invoices/{id}/reminders", { token, params: { id: sent.id }, body: { message: "A gentle nudge" } });
    expect(res.status).toBe(200);
    expect((res.body.deliveries as Row[]).at(-1)).toMatchObject({ kind: "reminder", attachment_name: expect.stringMatching(/^INV-\d{4}\.pdf$/) });
    const stored = await db.outboxMessage.findFirstOrThrow({ where: { invoiceId: sent.id, kind: "reminder" }, orderBy: { createdAt: "desc" } });
    expect(stored.body).toContain("A gentle nudge");
    expect(Buffer.from(stored.attachment!).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("PATCH /api/v1/invoices/{id} refuses a sent invoice with 409 and says to issue a credit note", async () => {
    const res = await rest("PATCH", "/api/v1/invoices/{id}", { token, params: { id: menabreaDraftId }, body: { notes: "Too late" } });
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/only drafts can be edited.*credit note/);
  });

  it("DELETE /api/v1/invoices/{id}/payments/{payment_id} removes a payment; another invoice's payment is a 404", async () => {
    const [payment] = await db.payment.findMany({ where: { invoiceId: menabreaDraftId } });
    const other = await db.invoice.findFirstOrThrow({ where: { workspaceId, status: "paid" } });
    const elsewhere = await rest("DELETE", "/api/v1/invoices/{id}/payments/{payment_id}", { token, params: { id: other.id, payment_id: payment!.id } });
    expect(elsewhere.status).toBe(404);
    const res = await rest("DELETE", "/api/v1/invoices/{id}/payments/{payment_id}", { token, params: { id: menabreaDraftId, payment_id: payment!.id }, body: { reason: "Bounced" } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: menabreaDraftId, status: "sent", amount_paid: 0, balance_due: 103_200, payments: [] });
    expect(await db.payment.count({ where: { invoiceId: menabreaDraftId } })).toBe(0);
  });

  it("POST /api/v1/invoices/{id}/credit-notes issues a partial credit note (201); crediting a credit note is a 409", async () => {
    const res = await rest("POST", "/api/v1/invoices/{id}/credit-notes", { token, params: { id: menabreaDraftId }, body: { lines: [{ description: "Late delivery", amount: 10_000 }], reason: "As agreed" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    // LCN-: the credit note prefix the settings test above gave this workspace.
    expect(res.body).toMatchObject({ kind: "credit_note", label: "LCN-0001", status: "sent", subtotal: -10_000, tax_amount: -2_000, total: -12_000, credited_invoice: { id: menabreaDraftId }, deliveries: [{ kind: "credit_note", to_address: "editor@menabrea.example" }] });
    const original = await rest("GET", "/api/v1/invoices/{id}", { token, params: { id: menabreaDraftId } });
    expect(original.body).toMatchObject({ amount_credited: 12_000, balance_due: 91_200, refund_due: 0, credit_notes: [{ label: "LCN-0001", total: -12_000 }] });
    const notes = await rest("GET", "/api/v1/invoices", { token, query: { kind: "credit_note" } });
    expect(rows(notes.body).map((i) => i.label)).toEqual(["LCN-0001"]);

    // A retry with the same Idempotency-Key answers the first credit note instead of crediting twice.
    const keyed = { token, params: { id: menabreaDraftId }, body: { lines: [{ description: "Typo", amount: 500 }] }, headers: { "idempotency-key": "credit-menabrea-0001" } };
    const once = await rest("POST", "/api/v1/invoices/{id}/credit-notes", keyed);
    const replay = await rest("POST", "/api/v1/invoices/{id}/credit-notes", keyed);
    expect([once.status, replay.status, replay.headers.get("idempotent-replayed")]).toEqual([201, 201, "true"]);
    expect(replay.body).toEqual(once.body);
    expect(await db.invoice.count({ where: { creditedInvoiceId: menabreaDraftId } })).toBe(2);

    const refused = await rest("POST", "/api/v1/invoices/{id}/credit-notes", { token, params: { id: res.body.id as string }, body: {} });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: "conflict", detail: "LCN-0001 is a credit note; only invoices can be credited." });
  });

  it("POST /api/v1/invoices/{id}/void voids an unpaid invoice and releases its time", async () => {
    const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId, kind: "invoice", status: "sent", amountPaid: 0, amountCredited: 0 }, orderBy: { number: "desc" } });
    const res = await rest("POST", "/api/v1/invoices/{id}/void", { token, params: { id: sent.id } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: sent.id, status: "void", balance_due: 0 });
    expect(await db.timeEntry.count({ where: { invoiceLine: { invoiceId: sent.id } } })).toBe(0);
  });
});

describe("reports", () => {
  it("GET /api/v1/reports runs a report by client", async () => {
    const res = await rest("GET", "/api/v1/reports", { token, query: { kind: "time", group_by: "client", from: addIsoDays(today, -42), to: today } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ kind: "time", group_by: "client", currency: "EUR", own_time_only: false });
    expect(rows({ data: res.body.rows }).map((r) => r.label)).toEqual(expect.arrayContaining(["Babbage & Co", "Menabrea Press"]));
  });

  it("GET /api/v1/billing-hub summarises the money", async () => {
    const res = await rest("GET", "/api/v1/billing-hub", { token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ currency: "EUR", today, paid_this_month: expect.any(Object) });
  });
});

it("reached every endpoint in the catalog with a 2xx answer", () => {
  const missing = API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).filter((name) => !succeeded.has(name));
  expect(missing).toEqual([]);
});

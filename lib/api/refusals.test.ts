/**
 * What every REST endpoint refuses, and that a refusal changes nothing: no token or an MCP
 * token (401), a token without the endpoint's scope (403 insufficient_scope) — one table over
 * the whole catalog — then roles, billing state, and bad input (422 naming the field).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { addIsoDays, localDateOf } from "@/lib/domain/dates";
import { scopesAllow, type Scope } from "@/lib/domain/integrations/scopes";
import { rest, type RestCall } from "@/lib/testing/api-routes";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { API_ENDPOINTS } from "./endpoint-catalog";

const ALL_API_SCOPES = "hourbook:read hourbook:write hourbook:admin profile:read settings:read settings:write";

let demo: DemoData;
let adaId: string;
let graceId: string;
let lovelaceId: string;
let token: string;
let mcpToken: string;
/** Two narrow tokens: every endpoint lacks the scope of at least one of them. */
let narrow: { scopes: Scope[]; token: string }[];
const ids: Record<string, string> = {};

/** Issues a token through its own client: a second grant for one client would replace the first. */
async function apiToken(userId: string, workspaceId: string, scope: string, resource: "api" | "mcp" = "api") {
  return (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId, workspaceId, scope, resource })).access_token;
}

/** The business data of every workspace, to show a refused request changed nothing. */
async function snapshot() {
  const [workspaces, clients, projects, tasks, tags, entries, entryTags, rules, invoices, lines, payments, outbox, timers] = await Promise.all([
    db.workspace.findMany({ orderBy: { id: "asc" } }),
    db.client.findMany({ orderBy: { id: "asc" } }),
    db.project.findMany({ orderBy: { id: "asc" } }),
    db.task.findMany({ orderBy: { id: "asc" } }),
    db.tag.findMany({ orderBy: { id: "asc" } }),
    db.timeEntry.findMany({ orderBy: { id: "asc" } }),
    db.timeEntryTag.findMany({ orderBy: [{ timeEntryId: "asc" }, { tagId: "asc" }] }),
    db.billingRule.findMany({ orderBy: { id: "asc" } }),
    db.invoice.findMany({ orderBy: { id: "asc" } }),
    db.invoiceLine.findMany({ orderBy: { id: "asc" } }),
    db.payment.findMany({ orderBy: { id: "asc" } }),
    db.outboxMessage.findMany({ orderBy: { id: "asc" } }),
    db.runningTimer.findMany({ orderBy: { id: "asc" }, include: { tags: true } }),
  ]);
  return { workspaces, clients, projects, tasks, tags, entries, entryTags, rules, invoices, lines, payments, outbox, timers };
}

beforeAll(async () => {
  demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  token = await apiToken(adaId, lovelaceId, ALL_API_SCOPES);
  mcpToken = await apiToken(adaId, lovelaceId, "hourbook:read hourbook:write hourbook:admin profile:read", "mcp");
  narrow = await Promise.all(
    (["profile:read", "tags:read"] as const).map(async (scope) => ({ scopes: [scope], token: await apiToken(adaId, lovelaceId, scope) })),
  );
  const find = async <T extends { id: string }>(query: Promise<T>) => (await query).id;
  ids.babbage = demo.babbage.id;
  ids.menabrea = demo.menabrea.id;
  ids.docs = demo.docs.id;
  ids.task = await find(db.task.findFirstOrThrow({ where: { workspaceId: lovelaceId, name: "Operating manual" } }));
  ids.entry = await find(db.timeEntry.findFirstOrThrow({ where: { workspaceId: lovelaceId, invoiceLineId: null } }));
  ids.rule = await find(db.billingRule.findFirstOrThrow({ where: { workspaceId: lovelaceId, kind: "rounding" } }));
  ids.draft = await find(db.invoice.findFirstOrThrow({ where: { workspaceId: lovelaceId, status: "draft" } }));
  ids.sent = await find(db.invoice.findFirstOrThrow({ where: { workspaceId: lovelaceId, status: "sent" } }));
  ids.otherProject = demo.gearTrain.id;
});

const catalog = API_ENDPOINTS.map((e) => [`${e.method} ${e.path}`, e] as const);
const requestFor = (path: string): RestCall => ({
  params: path.includes("{id}") ? { id: "any-id", ...(path.includes("{payment_id}") ? { payment_id: "any-payment-id" } : {}) } : undefined,
  body: {},
});

describe.each(catalog)("%s", (_, endpoint) => {
  const call = (token: string | null) => rest(endpoint.method, endpoint.path, { ...requestFor(endpoint.path), token, body: endpoint.body ? {} : undefined });

  it("refuses a request without a token with 401 and the API's resource metadata", async () => {
    const res = await call(null);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body.code).toBe("unauthorized");
    expect(res.headers.get("www-authenticate")).toContain("/.well-known/oauth-protected-resource/api");
  });

  it("refuses an MCP token (another audience) with 401 invalid_token", async () => {
    const res = await call(mcpToken);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe("invalid_token");
  });

  it(`refuses a token without ${endpoint.scope} with 403 insufficient_scope`, async () => {
    const lacking = narrow.find((n) => !scopesAllow(n.scopes, endpoint.scope));
    if (!lacking) throw new Error(`Every narrow token allows ${endpoint.scope}`);
    const before = await snapshot();
    const res = await call(lacking.token);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("insufficient_scope");
    expect(res.headers.get("www-authenticate")).toContain('error="insufficient_scope"');
    expect(res.headers.get("www-authenticate")).toContain(endpoint.scope);
    expect(await snapshot()).toEqual(before);
  });
});

describe("roles and workspace state", () => {
  it("refuses a member an owner's action with 403 forbidden, whatever the token's scopes", async () => {
    const grace = await apiToken(graceId, lovelaceId, "hourbook:read hourbook:write profile:read");
    const before = await snapshot();
    const res = await rest("POST", "/api/v1/clients", { token: grace, body: { name: "Never Ltd" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    const revenue = await rest("GET", "/api/v1/reports", { token: grace, query: { kind: "revenue", from: "2026-01-01", to: "2026-01-31" } });
    expect(revenue.status).toBe(403);
    expect(await snapshot()).toEqual(before);
  });

  it("lets only owners change workspace settings: an admin gets 403 forbidden", async () => {
    const engines = demo.engines.id;
    const adminToken = await apiToken(adaId, engines, "settings:read settings:write");
    expect((await rest("GET", "/api/v1/workspace/settings", { token: adminToken })).status).toBe(200);
    const res = await rest("PATCH", "/api/v1/workspace/settings", { token: adminToken, body: { name: "Taken Over" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect((await db.workspace.findUniqueOrThrow({ where: { id: engines } })).name).toBe("Analytical Engines");
  });

  it("refuses a member the workspace settings (they carry the bank details) with 403 forbidden", async () => {
    const memberToken = await apiToken(graceId, lovelaceId, "hourbook:read profile:read settings:read");
    const res = await rest("GET", "/api/v1/workspace/settings", { token: memberToken });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("forbidden");
    expect(JSON.stringify(res.body)).not.toContain("IBAN");
  });

  it("answers reads but refuses writes with 403 access_denied while billing is past due", async () => {
    const hopper = demo.hopper.id;
    const graceToken = await apiToken(graceId, hopper, "hourbook:read hourbook:write");
    expect((await rest("GET", "/api/v1/clients", { token: graceToken })).status).toBe(200);
    const res = await rest("POST", "/api/v1/clients", { token: graceToken, body: { name: "Unpaid Ltd" } });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe("access_denied");
    expect(await db.client.count({ where: { workspaceId: hopper, name: "Unpaid Ltd" } })).toBe(0);
  });

  it("answers 404 problem JSON for another workspace's record", async () => {
    const res = await rest("PATCH", "/api/v1/projects/{id}", { token, params: { id: ids.otherProject ?? "" }, body: { name: "Mine now" } });
    expect(res.status).toBe(404);
    expect(res.body.code).toBe("not_found");
  });
});

type BadInput = [description: string, method: string, path: string, call: () => RestCall, field: string];

const today = () => localDateOf(now(), "Europe/London");
const id = (name: string) => ids[name] ?? "";
const long = "x".repeat(65);

/** One row per endpoint (several where the domain refuses too): the request and the field the 422 must name. */
const BAD_INPUT: BadInput[] = [
  ["an unknown query parameter", "GET", "/api/v1/me", () => ({ query: { verbose: "1" } }), "query.verbose"],
  ["an unknown query parameter", "GET", "/api/v1/workspace/settings", () => ({ query: { fields: "name" } }), "query.fields"],
  ["an unknown currency", "PATCH", "/api/v1/workspace/settings", () => ({ body: { currency: "EUX" } }), "body.currency"],
  ["a currency change after time was tracked", "PATCH", "/api/v1/workspace/settings", () => ({ body: { currency: "USD" } }), "body.currency"],
  ["a time zone that does not exist", "PATCH", "/api/v1/workspace/settings", () => ({ body: { time_zone: "Europe/Atlantis" } }), "body.time_zone"],
  ["a prefix change after invoices were sent", "PATCH", "/api/v1/workspace/settings", () => ({ body: { invoice_prefix: "HB-" } }), "body.invoice_prefix"],
  ["a contact email that is not one", "PATCH", "/api/v1/workspace/settings", () => ({ body: { contact_email: "billing at lovelace" } }), "body.contact_email"],
  ["an unknown paper size", "PATCH", "/api/v1/workspace/settings", () => ({ body: { paper_size: "a3" } }), "body.paper_size"],
  ["a tax ID with symbols", "PATCH", "/api/v1/workspace/settings", () => ({ body: { tax_id: "GB<1>" } }), "body.tax_id"],
  ["an address of nine lines", "PATCH", "/api/v1/workspace/settings", () => ({ body: { address: "x\n".repeat(8) + "x" } }), "body.address"],
  ["a credit note prefix with a space", "PATCH", "/api/v1/workspace/settings", () => ({ body: { credit_note_prefix: "CN 1" } }), "body.credit_note_prefix"],
  ["include_archived that is not a boolean", "GET", "/api/v1/clients", () => ({ query: { include_archived: "yes" } }), "query.include_archived"],
  ["an id too long to exist", "GET", "/api/v1/clients/{id}", () => ({ params: { id: long } }), "path.id"],
  ["an empty name", "POST", "/api/v1/clients", () => ({ body: { name: "" } }), "body.name"],
  ["a blank name", "POST", "/api/v1/clients", () => ({ body: { name: "   " } }), "body.name"],
  ["a bad email", "PATCH", "/api/v1/clients/{id}", () => ({ params: { id: id("babbage") }, body: { email: "accounts" } }), "body.email"],
  ["a bad invoice email", "PATCH", "/api/v1/clients/{id}", () => ({ params: { id: id("babbage") }, body: { invoice_email: "accounts" } }), "body.invoice_email"],
  ["a tax ID with symbols", "PATCH", "/api/v1/clients/{id}", () => ({ params: { id: id("babbage") }, body: { tax_id: "GB<1>" } }), "body.tax_id"],
  ["an unknown filter", "GET", "/api/v1/projects", () => ({ query: { client: id("babbage") } }), "query.client"],
  ["a negative rate", "POST", "/api/v1/projects", () => ({ body: { client_id: id("babbage"), name: "Cheap", hourly_rate: -1 } }), "body.hourly_rate"],
  ["another workspace's client", "POST", "/api/v1/projects", () => ({ body: { client_id: "not-a-client", name: "Lost" } }), "body.client_id"],
  ["archived as a string", "PATCH", "/api/v1/projects/{id}", () => ({ params: { id: id("docs") }, body: { archived: "true" } }), "body.archived"],
  ["an unknown status", "GET", "/api/v1/tasks", () => ({ query: { status: "blocked" } }), "query.status"],
  ["an unknown status", "POST", "/api/v1/tasks", () => ({ body: { project_id: id("docs"), name: "Index", status: "later" } }), "body.status"],
  ["an estimate under a minute", "PATCH", "/api/v1/tasks/{id}", () => ({ params: { id: id("task") }, body: { estimate_seconds: 30 } }), "body.estimate_seconds"],
  ["a page size of 0", "GET", "/api/v1/time-entries", () => ({ query: { limit: "0" } }), "query.limit"],
  ["from after to", "GET", "/api/v1/time-entries", () => ({ query: { from: "2026-02-10", to: "2026-02-01" } }), "query.from"],
  ["a date past the calendar", "GET", "/api/v1/time-entries", () => ({ query: { to: "9999-12-31" } }), "query.to"],
  ["an unreadable cursor", "GET", "/api/v1/time-entries", () => ({ query: { cursor: "bm90LWEtY3Vyc29y" } }), "query.cursor"],
  ["an id too long to exist", "GET", "/api/v1/time-entries/{id}", () => ({ params: { id: long } }), "path.id"],
  ["a duration under a minute", "POST", "/api/v1/time-entries", () => ({ body: { project_id: id("docs"), started_at: `${today()}T09:00:00Z`, duration_seconds: 30 } }), "body.duration_seconds"],
  ["a start without an offset", "POST", "/api/v1/time-entries", () => ({ body: { project_id: id("docs"), started_at: `${today()}T09:00:00`, duration_seconds: 600 } }), "body.started_at"],
  ["another workspace's project", "POST", "/api/v1/time-entries", () => ({ body: { project_id: id("otherProject"), started_at: `${today()}T09:00:00Z`, duration_seconds: 600 } }), "body.project_id"],
  ["a tag of another workspace", "POST", "/api/v1/time-entries", () => ({ body: { project_id: id("docs"), started_at: `${today()}T09:00:00Z`, duration_seconds: 600, tag_ids: ["not-a-tag"] } }), "body.tag_ids"],
  ["a start in the distant past", "PATCH", "/api/v1/time-entries/{id}", () => ({ params: { id: id("entry") }, body: { started_at: "1843-09-01T09:00:00Z" } }), "body.started_at"],
  ["an id too long to exist", "DELETE", "/api/v1/time-entries/{id}", () => ({ params: { id: long } }), "path.id"],
  ["an unknown query parameter", "GET", "/api/v1/timer", () => ({ query: { member_id: "someone" } }), "query.member_id"],
  ["another workspace's project", "POST", "/api/v1/timer", () => ({ body: { project_id: id("otherProject") } }), "body.project_id"],
  ["a start in the future", "POST", "/api/v1/timer", () => ({ body: { project_id: id("docs"), started_at: new Date(Date.now() + 3_600_000).toISOString() } }), "body.started_at"],
  ["a description over 1000 characters", "PATCH", "/api/v1/timer", () => ({ body: { description: "x".repeat(1001) } }), "body.description"],
  ["a NUL in the description", "PATCH", "/api/v1/timer", () => ({ body: { description: "bad \u0000 text" } }), "body.description"],
  ["a right-to-left override in the description", "POST", "/api/v1/timer", () => ({ body: { project_id: id("docs"), description: "invoice \u202Efdp.exe" } }), "body.description"],
  ["an escape in the description", "POST", "/api/v1/time-entries", () => ({ body: { project_id: id("docs"), started_at: `${today()}T09:00:00Z`, duration_seconds: 600, description: "bad \u001b[31m" } }), "body.description"],
  ["a stop time without an offset", "POST", "/api/v1/timer/stop", () => ({ body: { stopped_at: `${today()}T09:00:00` } }), "body.stopped_at"],
  ["a timer id too long to exist", "DELETE", "/api/v1/timer", () => ({ body: { timer_id: long } }), "body.timer_id"],
  ["an id too long to exist", "POST", "/api/v1/time-entries/{id}/continue", () => ({ params: { id: long } }), "path.id"],
  ["an unknown query parameter", "GET", "/api/v1/tags", () => ({ query: { name: "research" } }), "query.name"],
  ["a name over 40 characters", "POST", "/api/v1/tags", () => ({ body: { name: "t".repeat(41) } }), "body.name"],
  ["an unknown query parameter", "GET", "/api/v1/rules", () => ({ query: { kind: "rounding" } }), "query.kind"],
  ["an unknown kind", "POST", "/api/v1/rules", () => ({ body: { kind: "discount", name: "Ten off" } }), "body.kind"],
  ["rounding in odd seconds", "POST", "/api/v1/rules", () => ({ body: { kind: "rounding", name: "Odd", rounding_increment_seconds: 90, rounding_direction: "up" } }), "body.rounding_increment_seconds"],
  ["a setting of another kind", "POST", "/api/v1/rules", () => ({ body: { kind: "rounding", name: "Mixed", rounding_increment_seconds: 900, rounding_direction: "up", hourly_rate: 100 } }), "body.hourly_rate"],
  ["a setting of another kind", "PATCH", "/api/v1/rules/{id}", () => ({ params: { id: id("rule") }, body: { minimum_seconds: 1800 } }), "body.minimum_seconds"],
  ["an unknown status", "GET", "/api/v1/invoices", () => ({ query: { status: "late" } }), "query.status"],
  ["an id too long to exist", "GET", "/api/v1/invoices/{id}", () => ({ params: { id: long } }), "path.id"],
  ["a missing client", "GET", "/api/v1/billable-candidates", () => ({ query: { from: "2026-01-01", to: "2026-01-31" } }), "query.client_id"],
  ["a month 13", "GET", "/api/v1/billable-candidates", () => ({ query: { client_id: id("menabrea"), from: "2026-13-01", to: "2026-12-31" } }), "query.from"],
  ["a date before the calendar", "GET", "/api/v1/billable-candidates", () => ({ query: { client_id: id("menabrea"), from: "0001-01-01", to: "2026-12-31" } }), "query.from"],
  // Ids naming no client of the workspace, or no project of the client, are refused at their field, never read as "no time".
  ["an unknown project", "GET", "/api/v1/billable-candidates", () => ({ query: { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31", project_id: "zzz" } }), "query.project_id"],
  ["another client's project", "GET", "/api/v1/billable-candidates", () => ({ query: { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31", project_id: id("docs") } }), "query.project_id"],
  ["another workspace's client", "GET", "/api/v1/billable-candidates", () => ({ query: { client_id: "not-a-client", from: "2026-01-01", to: "2026-01-31" } }), "query.client_id"],
  ["an unknown project", "POST", "/api/v1/invoices/preview", () => ({ body: { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31", project_ids: ["zzz"] } }), "body.project_ids"],
  ["another workspace's project", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31", project_ids: [id("otherProject")] } }), "body.project_ids"],
  ["neither a range nor entries", "POST", "/api/v1/invoices/preview", () => ({ body: { client_id: id("menabrea") } }), "body.from"],
  ["a range and entries at once", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31", time_entry_ids: [id("entry")] } }), "body.time_entry_ids"],
  ["a tax rate over 100%", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: addIsoDays(today(), -42), to: today(), tax_rate: 10_001 } }), "body.tax_rate"],
  ["a due date before the issue date", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: addIsoDays(today(), -42), to: today(), issue_date: "2026-03-10", due_date: "2026-03-01" } }), "body.due_date"],
  ["a due date before the issue date", "PATCH", "/api/v1/invoices/{id}", () => ({ params: { id: id("draft") }, body: { issue_date: "2026-03-10", due_date: "2026-03-01" } }), "body.due_date"],
  ["an unknown field inside a tax", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: addIsoDays(today(), -42), to: today(), taxes: [{ label: "VAT", rate: 2_000, compound: true }] } }), "body.taxes.0.compound"],
  ["an unknown field in the discount", "PATCH", "/api/v1/invoices/{id}", () => ({ params: { id: id("draft") }, body: { discount: { rate: 1_000, cap: 5_000 } } }), "body.discount.cap"],
  ["an unknown field in refresh_time", "PATCH", "/api/v1/invoices/{id}", () => ({ params: { id: id("draft") }, body: { refresh_time: { since: "2026-01-01" } } }), "body.refresh_time.since"],
  ["an unknown field on a credit line", "POST", "/api/v1/invoices/{id}/credit-notes", () => ({ params: { id: id("sent") }, body: { lines: [{ description: "Goodwill", amount: 100, tax: 20 }] } }), "body.lines.0.tax"],
  ["two taxes with one label", "PATCH", "/api/v1/invoices/{id}", () => ({ params: { id: id("draft") }, body: { taxes: [{ label: "VAT", rate: 2_000 }, { label: "VAT", rate: 500 }] } }), "body.taxes"],
  ["a discount with a rate and an amount", "POST", "/api/v1/invoices/preview", () => ({ body: { client_id: id("menabrea"), from: addIsoDays(today(), -42), to: today(), discount: { rate: 1_000, amount: 100 } } }), "body.discount"],
  ["taxes and a tax rate at once", "POST", "/api/v1/invoices", () => ({ body: { client_id: id("menabrea"), from: addIsoDays(today(), -42), to: today(), tax_rate: 2_000, taxes: [{ label: "VAT", rate: 2_000 }] } }), "body.tax_rate"],
  ["a recipient that is not an email", "POST", "/api/v1/invoices/{id}/send", () => ({ params: { id: id("draft") }, body: { to: "the editor" } }), "body.to"],
  ["a zero payment", "POST", "/api/v1/invoices/{id}/payments", () => ({ params: { id: id("sent") }, body: { amount: 0 } }), "body.amount"],
  ["an overpayment", "POST", "/api/v1/invoices/{id}/payments", () => ({ params: { id: id("sent") }, body: { amount: 99_999_999 } }), "body.amount"],
  ["a payment dated tomorrow", "POST", "/api/v1/invoices/{id}/payments", () => ({ params: { id: id("sent") }, body: { amount: 100, paid_on: addIsoDays(today(), 1) } }), "body.paid_on"],
  ["an id too long to exist", "POST", "/api/v1/invoices/{id}/void", () => ({ params: { id: long } }), "path.id"],
  ["a paper size other than a4 or letter", "GET", "/api/v1/invoices/{id}/pdf", () => ({ params: { id: id("sent") }, query: { size: "a3" } }), "query.size"],
  ["a recipient that is not an email", "POST", "/api/v1/invoices/{id}/reminders", () => ({ params: { id: id("sent") }, body: { to: "the client" } }), "body.to"],
  ["a payment id too long to exist", "DELETE", "/api/v1/invoices/{id}/payments/{payment_id}", () => ({ params: { id: id("sent"), payment_id: long } }), "path.payment_id"],
  ["a zero credit", "POST", "/api/v1/invoices/{id}/credit-notes", () => ({ params: { id: id("sent") }, body: { lines: [{ description: "Goodwill", amount: 0 }] } }), "body.lines.0.amount"],
  ["a credit over what is creditable", "POST", "/api/v1/invoices/{id}/credit-notes", () => ({ params: { id: id("sent") }, body: { lines: [{ description: "Everything", amount: 99_999_999 }] } }), "body.lines"],
  ["an unknown kind", "GET", "/api/v1/reports", () => ({ query: { kind: "profit", from: "2026-01-01", to: "2026-01-31" } }), "query.kind"],
  ["revenue by member", "GET", "/api/v1/reports", () => ({ query: { kind: "revenue", group_by: "member", from: "2026-01-01", to: "2026-01-31" } }), "query.group_by"],
  ["a range of nine thousand years", "GET", "/api/v1/reports", () => ({ query: { kind: "time", from: "1000-01-01", to: "9999-12-30" } }), "query.from"],
  ["a range given backwards", "GET", "/api/v1/reports", () => ({ query: { kind: "time", from: "2026-02-01", to: "2026-01-01" } }), "query.from"],
  ["an unknown query parameter", "GET", "/api/v1/billing-hub", () => ({ query: { month: "2026-01" } }), "query.month"],
];

describe("bad input", () => {
  it.each(BAD_INPUT.map(([what, method, path, call, field]) => [what, method, path, field, call] as const))("%s: %s %s answers 422 naming %s, and changes nothing", async (_, method, path, field, call) => {
    const before = await snapshot();
    const res = await rest(method, path, { ...call(), token });
    expect(res.status, JSON.stringify(res.body)).toBe(422);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.body).toMatchObject({ code: "validation_failed", status: 422, type: "https://hourbook.dev/problems/validation-failed" });
    expect(res.body.errors).toHaveProperty([field]);
    expect(res.body.detail).toEqual(expect.any(String));
    // In our words, not zod's ("Too big: expected string to have <=1000 characters").
    expect(JSON.stringify(res.body)).not.toMatch(/Invalid input|Invalid option|Too big|Too small|expected [a-z]|received|[<>]=?\d/);
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    ["a description over 1000 characters", "PATCH", "/api/v1/timer", { body: { description: "x".repeat(1001) } }, "body.description", "must be at most 1000 characters"],
    ["a page size of 0", "GET", "/api/v1/time-entries", { query: { limit: "0" } }, "query.limit", "must be at least 1"],
    ["include_archived that is not a boolean", "GET", "/api/v1/clients", { query: { include_archived: "yes" } }, "query.include_archived", "must be true or false"],
    ["an unknown status", "GET", "/api/v1/tasks", { query: { status: "blocked" } }, "query.status", "must be one of: open, in_progress, done"],
    ["a missing name", "POST", "/api/v1/clients", { body: {} }, "body.name", "is required"],
    ["a date given twice (two good dates)", "GET", "/api/v1/time-entries", { query: { from: ["2026-11-01", "2027-01-01"] } }, "query.from", "is given more than once; give it once"],
  ] as const)("words %s as we do: %s %s", async (_, method, path, call, field, message) => {
    const res = await rest(method, path, { ...call, token });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual({ [field]: message });
    expect(res.body.detail).toBe(`${field}: ${message}`);
  });

  it("names an unknown project as the request gave it, not as no unbilled time", async () => {
    const range = { client_id: id("menabrea"), from: "2026-01-01", to: "2026-01-31" };
    const candidates = await rest("GET", "/api/v1/billable-candidates", { token, query: { ...range, project_id: "zzz" } });
    expect(candidates.body.errors).toEqual({ "query.project_id": "no project with this id in this workspace: zzz" });
    expect(candidates.body.detail).toBe("query.project_id: no project with this id in this workspace: zzz");
    const preview = await rest("POST", "/api/v1/invoices/preview", { token, body: { ...range, project_ids: [id("docs")] } });
    expect(preview.body.errors).toEqual({ "body.project_ids": `is not a project of this client: ${id("docs")}` });
  });

  it("has a bad-input case for every endpoint in the catalog", () => {
    const covered = new Set(BAD_INPUT.map(([, method, path]) => `${method} ${path}`));
    expect(API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).filter((name) => !covered.has(name))).toEqual([]);
  });
});

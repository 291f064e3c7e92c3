/**
 * The CSV exports over HTTP: REST lists with Accept: text/csv (same scope, role and rows as
 * their JSON), and the web app's download routes (the signed-in member, their workspace, what
 * they may see). The rows themselves are tested in lib/domain/csv/exports.test.ts.
 */
import { beforeAll, describe, expect, it, vi } from "vitest";
import * as invoicesRoute from "@/app/api/v1/invoices/route";
import * as reportsRoute from "@/app/api/v1/reports/route";
import * as timeEntriesRoute from "@/app/api/v1/time-entries/route";
import * as webInvoicesExport from "@/app/(app)/w/[workspace]/invoices/export.csv/route";
import * as webReportsExport from "@/app/(app)/w/[workspace]/reports/export.csv/route";
import * as webTimeExport from "@/app/(app)/w/[workspace]/time/export.csv/route";
import * as webAuditExport from "@/app/(app)/w/[workspace]/settings/audit-log/export/route";
import * as webInvoicePdf from "@/app/(app)/w/[workspace]/invoices/[id]/pdf/route";
import * as webOutboxPdf from "@/app/(app)/w/[workspace]/invoices/[id]/outbox/[messageId]/pdf/route";
import { env } from "@/lib/env";
import { signInPath } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { apiCall } from "@/lib/testing/api-call";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { openApiDocument } from "./openapi";

const signedIn = vi.hoisted(() => ({ user: null as { id: string } | null, refused: "none" as "none" | "ended" | "inactive" }));
// Only the session's resolution (next-auth's cookie) is replaced; what a download does without one is the real code.
vi.mock("@/lib/auth/session", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/auth/session")>()),
  resolveSession: async () => (signedIn.user ? { user: signedIn.user } : { refused: signedIn.refused }),
}));

let demo: DemoData;
let adaToken: string;
let graceToken: string;
const CSV = { accept: "text/csv" };
const text = (bytes: Uint8Array | undefined) => new TextDecoder().decode(bytes);
const lines = (bytes: Uint8Array | undefined) => text(bytes).split("\r\n").filter(Boolean);

beforeAll(async () => {
  demo = await loadDemoData();
  const clientId = await createTestClient({ kind: "developer_app" });
  const scope = "time:read invoices:read reports:read";
  adaToken = (await tokensFor({ clientId, userId: demo.ada.id, workspaceId: demo.lovelace.id, scope, resource: "api" })).access_token;
  graceToken = (await tokensFor({ clientId, userId: demo.grace.id, workspaceId: demo.lovelace.id, scope, resource: "api" })).access_token;
});

describe("REST: Accept: text/csv", () => {
  it("streams every time entry the filters match, without paging", async () => {
    const res = await apiCall(timeEntriesRoute.GET, { token: adaToken, path: `/api/v1/time-entries?project_id=${demo.docs.id}`, headers: CSV });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8; header=present");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="time-entries.csv"');
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("vary")).toBe("Accept");
    const [header, ...rows] = lines(res.bytes);
    expect(header).toMatch(/^Date,Start \(Europe\/London\),/);
    expect(rows).toHaveLength(await db.timeEntry.count({ where: { projectId: demo.docs.id } }));
  });

  it("answers the three lists without a byte order mark (scripts parse RFC 4180 text)", async () => {
    for (const [route, path] of [
      [timeEntriesRoute, "/api/v1/time-entries"],
      [invoicesRoute, "/api/v1/invoices"],
      [reportsRoute, "/api/v1/reports?kind=time&group_by=project&from=2000-01-01&to=2099-12-31"],
    ] as const) {
      const res = await apiCall(route.GET, { token: adaToken, path, headers: CSV });
      expect(res.status).toBe(200);
      expect([...(res.bytes ?? []).slice(0, 3)], path).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(text(res.bytes?.slice(0, 1)), path).toMatch(/^[A-Z]$/);
    }
  });

  it("still answers JSON to a client that does not ask for CSV", async () => {
    const res = await apiCall(timeEntriesRoute.GET, { token: adaToken, path: "/api/v1/time-entries?limit=2" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ data: expect.any(Array), next_cursor: expect.any(String) });
  });

  it("gives a member their own entries only", async () => {
    const res = await apiCall(timeEntriesRoute.GET, { token: graceToken, path: "/api/v1/time-entries", headers: CSV });
    const rows = lines(res.bytes).slice(1);
    expect(rows.length).toBe(await db.timeEntry.count({ where: { membership: { userId: demo.grace.id }, workspaceId: demo.lovelace.id } }));
    expect(rows.every((r) => r.includes(",Grace Hopper,"))).toBe(true);
  });

  it("refuses a member another member's entries with 403 forbidden, as the JSON list does", async () => {
    const ada = await db.membership.findFirstOrThrow({ where: { userId: demo.ada.id, workspaceId: demo.lovelace.id } });
    const path = `/api/v1/time-entries?member_id=${ada.id}`;
    const csv = await apiCall(timeEntriesRoute.GET, { token: graceToken, path, headers: CSV });
    expect(csv.status).toBe(403);
    expect(csv.body).toMatchObject({ code: "forbidden", detail: "A member can only export their own time entries." });
    const json = await apiCall(timeEntriesRoute.GET, { token: graceToken, path });
    expect(json.status).toBe(403);
    expect(json.body).toMatchObject({ code: "forbidden", detail: "A member can only list their own time entries." });
  });

  it("refuses paging parameters, which do not apply to an export", async () => {
    const res = await apiCall(timeEntriesRoute.GET, { token: adaToken, path: "/api/v1/time-entries?limit=5", headers: CSV });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ errors: { "query.limit": "is not a known field" } });
  });

  it("refuses a token without the list's scope", async () => {
    const token = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: demo.ada.id, workspaceId: demo.lovelace.id, scope: "time:read", resource: "api" })).access_token;
    const res = await apiCall(invoicesRoute.GET, { token, path: "/api/v1/invoices", headers: CSV });
    expect(res.status).toBe(403);
    expect(res.body).toMatchObject({ code: "insufficient_scope" });
  });

  it("exports the invoice list with its filters, and refuses it to a member", async () => {
    const res = await apiCall(invoicesRoute.GET, { token: adaToken, path: "/api/v1/invoices?status=draft", headers: CSV });
    expect(res.status).toBe(200);
    expect(lines(res.bytes).slice(1)).toHaveLength(await db.invoice.count({ where: { workspaceId: demo.lovelace.id, status: "draft" } }));
    const refused = await apiCall(invoicesRoute.GET, { token: graceToken, path: "/api/v1/invoices", headers: CSV });
    expect(refused.status).toBe(403);
  });

  it("exports a report, and refuses revenue by member as the JSON report does", async () => {
    const res = await apiCall(reportsRoute.GET, { token: adaToken, path: "/api/v1/reports?kind=revenue&group_by=project&from=2000-01-01&to=2099-12-31", headers: CSV });
    expect(res.status).toBe(200);
    expect(lines(res.bytes)[0]).toBe("Project,\"Invoiced, net (EUR)\",Collected (EUR)");
    expect(lines(res.bytes).at(-1)).toMatch(/^Total,/);
    const refused = await apiCall(reportsRoute.GET, { token: adaToken, path: "/api/v1/reports?kind=revenue&group_by=member&from=2000-01-01&to=2099-12-31", headers: CSV });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ errors: { "query.group_by": "revenue reports group by project or client" } });
  });

  it("documents text/csv beside JSON in OpenAPI for the three lists", () => {
    const paths = openApiDocument().paths as Record<string, { get: { description: string; responses: Record<string, { content: Record<string, unknown> }> } }>;
    for (const path of ["/api/v1/time-entries", "/api/v1/invoices", "/api/v1/reports"]) {
      const get = paths[path]?.get;
      expect(Object.keys(get?.responses["200"]?.content ?? {})).toEqual(["application/json", "text/csv"]);
      expect(get?.description).toContain("With Accept: text/csv it answers CSV");
    }
  });
});

describe("web downloads", () => {
  const call = (route: { GET: (r: Request, c: { params: Promise<{ workspace: string }> }) => Promise<Response> }, path: string, slug = "lovelace-studio") =>
    route.GET(new Request(`http://localhost:3000/w/${slug}${path}`), { params: Promise.resolve({ workspace: slug }) });

  it("sends a visitor who is not signed in to sign in and come back", async () => {
    signedIn.user = null;
    signedIn.refused = "none";
    const res = await call(webTimeExport, "/time/export.csv?from=2026-01-01");
    expect(res.status).toBe(303);
    expect(res.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fw%2Flovelace-studio%2Ftime%2Fexport.csv%3Ffrom%3D2026-01-01");
  });

  it("sends them to sign in on APP_URL, never on the host the request reached (an internal name or port behind a proxy)", async () => {
    signedIn.user = null;
    for (const refused of ["none", "ended"] as const) {
      signedIn.refused = refused;
      const params = { workspace: "lovelace-studio", id: "inv_1", messageId: "msg_1" };
      for (const [route, path] of [
        [webTimeExport, "/time/export.csv?from=2026-01-01"],
        [webReportsExport, "/reports/export.csv?kind=time"],
        [webInvoicesExport, "/invoices/export.csv"],
        [webAuditExport, "/settings/audit-log/export"],
        [webInvoicePdf, "/invoices/inv_1/pdf"],
        [webOutboxPdf, "/invoices/inv_1/outbox/msg_1/pdf"],
      ] as const) {
        const request = new Request(`http://10.0.0.7:3400/w/lovelace-studio${path}`, { headers: { "X-Forwarded-Proto": "https", "X-Forwarded-Host": "internal.example" } });
        const res = await (route.GET as (r: Request, c: { params: Promise<typeof params> }) => Promise<Response>)(request, { params: Promise.resolve(params) });
        expect(res.status, path).toBe(303);
        expect(res.headers.get("location"), path).toBe(`${env.APP_URL}${signInPath(`/w/lovelace-studio${path}`, refused)}`);
      }
    }
    signedIn.refused = "none";
  });

  it("tells a visitor whose session was ended so, as a page does (notice=session-ended)", async () => {
    signedIn.user = null;
    signedIn.refused = "ended";
    for (const [route, path] of [
      [webTimeExport, "/time/export.csv?from=2026-01-01"],
      [webAuditExport, "/settings/audit-log/export"],
    ] as const) {
      const res = await call(route, path);
      expect(res.status).toBe(303);
      expect(res.headers.get("location")).toBe(`http://localhost:3000${signInPath(`/w/lovelace-studio${path}`, "ended")}`);
      expect(new URL(res.headers.get("location") ?? "").searchParams.get("notice")).toBe("session-ended");
    }
    const res = await call(webTimeExport, "/time/export.csv?from=2026-01-01");
    expect(res.headers.get("location")).toBe("http://localhost:3000/login?callbackUrl=%2Fw%2Flovelace-studio%2Ftime%2Fexport.csv%3Ffrom%3D2026-01-01&notice=session-ended");
    signedIn.refused = "none";
  });

  it("exports the time page's week for the member shown, streamed", async () => {
    signedIn.user = { id: demo.ada.id };
    const res = await call(webTimeExport, "/time/export.csv?from=2000-01-01&to=2099-12-31&member=all");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-length")).toBeNull();
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="time-entries-2000-01-01-2099-12-31.csv"');
    const rows = (await res.text()).split("\r\n").filter(Boolean).slice(1);
    expect(rows).toHaveLength(await db.timeEntry.count({ where: { workspaceId: demo.lovelace.id } }));
  });

  it("answers the same rows as the REST CSV for the same query: no member is everyone the actor may see, as \"all\" is", async () => {
    const adaMember = await db.membership.findFirstOrThrow({ where: { userId: demo.ada.id, workspaceId: demo.lovelace.id } });
    for (const [user, token] of [[demo.ada, adaToken], [demo.grace, graceToken]] as const) {
      signedIn.user = { id: user.id };
      for (const [web, rest] of [
        ["", ""],
        ["member=all", ""],
        [`project=${demo.docs.id}&billable=true`, `project_id=${demo.docs.id}&billable=true`],
        ["from=2000-01-01&to=2099-12-31&invoiced=false", "from=2000-01-01&to=2099-12-31&invoiced=false"],
        ...(user === demo.ada ? [[`member=${adaMember.id}`, `member_id=${adaMember.id}`], [`client=${demo.menabrea.id}`, `client_id=${demo.menabrea.id}`]] : []),
      ]) {
        const webRows = (await (await call(webTimeExport, `/time/export.csv?${web}`)).text()).split("\r\n").filter(Boolean);
        const restRows = lines((await apiCall(timeEntriesRoute.GET, { token, path: `/api/v1/time-entries?${rest}`, headers: CSV })).bytes);
        expect({ user: user.name, web, rows: webRows }).toEqual({ user: user.name, web, rows: restRows });
        if (user === demo.ada) expect(webRows.length, web).toBeGreaterThan(1);
      }
    }
    signedIn.user = { id: demo.ada.id };
    const everyone = (await (await call(webTimeExport, "/time/export.csv")).text()).split("\r\n").filter(Boolean).slice(1);
    expect(everyone.length).toBe(await db.timeEntry.count({ where: { workspaceId: demo.lovelace.id } }));
  });

  it("refuses an id that is not the workspace's with 400, naming the parameter as typed; REST with 422 naming its own", async () => {
    signedIn.user = { id: demo.ada.id };
    const foreignProject = demo.gearTrain.id;
    for (const [web, rest, message] of [
      ["member=zzz", "member_id=zzz", "member: no member with this id in this workspace"],
      ["project=zzz", "project_id=zzz", "project: no project with this id in this workspace"],
      [`project=${foreignProject}`, `project_id=${foreignProject}`, "project: no project with this id in this workspace"],
      ["client=nope", "client_id=nope", "client: no client with this id in this workspace"],
      ["tag=zzz", "tag_id=zzz", "tag: has an id with no tag in this workspace"],
    ] as const) {
      const res = await call(webTimeExport, `/time/export.csv?${web}`);
      expect({ web, status: res.status, text: await res.text() }).toEqual({ web, status: 400, text: message });
      const [field, words] = message.split(": ") as [string, string];
      const restName = `query.${rest.split("=")[0]}`;
      for (const headers of [CSV, {}]) {
        const api = await apiCall(timeEntriesRoute.GET, { token: adaToken, path: `/api/v1/time-entries?${rest}`, headers });
        expect({ field, status: api.status, body: api.body }).toMatchObject({ field, status: 422, body: { detail: `${restName}: ${words}`, errors: { [restName]: words } } });
      }
    }
    // A member asking for anyone else's time, known or not, is refused as before (403): nothing says whether the id exists.
    signedIn.user = { id: demo.grace.id };
    const refused = await call(webTimeExport, "/time/export.csv?member=zzz");
    expect(refused.status).toBe(403);
    expect(await refused.text()).toBe("A member can only export their own time entries.");
  });

  it("refuses the other exports' unknown ids: the invoice list's client, the audit log's who", async () => {
    signedIn.user = { id: demo.ada.id };
    const invoices = await call(webInvoicesExport, "/invoices/export.csv?client=nope");
    expect([invoices.status, await invoices.text()]).toEqual([400, "client: no client with this id in this workspace"]);
    const audit = await call(webAuditExport, "/settings/audit-log/export?who=nobody");
    expect([audit.status, await audit.text()]).toEqual([400, "who: no person with this id in this workspace"]);
    const rest = await apiCall(invoicesRoute.GET, { token: adaToken, path: "/api/v1/invoices?client_id=nope", headers: CSV });
    expect(rest.status).toBe(422);
    expect(rest.body).toMatchObject({ errors: { "query.client_id": "no client with this id in this workspace" } });
  });

  it("gives a member asking for everyone's time their own, and refuses another member's with 403 and the reason", async () => {
    signedIn.user = { id: demo.grace.id };
    const all = await call(webTimeExport, "/time/export.csv?member=all");
    // A member's "all" is their own time, as the list scopes it; naming someone else is refused.
    expect(all.status).toBe(200);
    expect((await all.text()).includes("Ada Lovelace")).toBe(false);
    const ada = await db.membership.findFirstOrThrow({ where: { userId: demo.ada.id, workspaceId: demo.lovelace.id } });
    const other = await call(webTimeExport, `/time/export.csv?member=${ada.id}`);
    expect(other.status).toBe(403);
    expect(await other.text()).toBe("A member can only export their own time entries.");
  });

  it("answers 404 for a workspace the member is not in", async () => {
    signedIn.user = { id: demo.grace.id };
    const res = await call(webTimeExport, "/time/export.csv", "sketchbook");
    expect(res.status).toBe(404);
  });

  it("refuses the invoice list and revenue to a member with 403", async () => {
    signedIn.user = { id: demo.grace.id };
    expect((await call(webInvoicesExport, "/invoices/export.csv")).status).toBe(403);
    expect((await call(webReportsExport, "/reports/export.csv?kind=revenue&groupBy=client&from=2026-01-01&to=2026-12-31")).status).toBe(403);
  });

  it("exports the report the page shows, and the invoice list with its status filter", async () => {
    signedIn.user = { id: demo.ada.id };
    const report = await call(webReportsExport, "/reports/export.csv?kind=time&groupBy=member&from=2000-01-01&to=2099-12-31");
    expect(report.status).toBe(200);
    const rows = (await report.text()).split("\r\n").filter(Boolean);
    expect(rows[0]).toBe("Member,Tracked hours,Billable hours,Amount (EUR)");
    expect(rows.map((r) => r.split(",")[0])).toEqual(["Member", "Ada Lovelace", "Grace Hopper", "Total"]);
    const invoices = await call(webInvoicesExport, "/invoices/export.csv?status=sent");
    expect((await invoices.text()).split("\r\n").filter(Boolean).slice(1).every((r) => r.split(",")[2] === "sent")).toBe(true);
  });

  it("starts every download with the UTF-8 byte order mark, so spreadsheets read accented names", async () => {
    signedIn.user = { id: demo.ada.id };
    for (const [route, path] of [
      [webTimeExport, "/time/export.csv?member=all"],
      [webReportsExport, "/reports/export.csv?kind=time&groupBy=member&from=2000-01-01&to=2099-12-31"],
      [webInvoicesExport, "/invoices/export.csv"],
      [webAuditExport, "/settings/audit-log/export"],
    ] as const) {
      const res = await call(route, path);
      expect(res.status, path).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)], path).toEqual([0xef, 0xbb, 0xbf]);
      // Then the header, once: the mark is not repeated and nothing comes between.
      expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes.slice(3, 4)), path).toMatch(/^[A-Z]$/);
    }
  });

  it("answers 400 for a bad filter", async () => {
    signedIn.user = { id: demo.ada.id };
    expect((await call(webReportsExport, "/reports/export.csv?kind=time&from=2026-02-01&to=2026-01-01")).status).toBe(400);
  });

  it.each([
    ["time", "/time/export.csv?billable=maybe", "billable: must be true or false"],
    ["time", "/time/export.csv?invoiced=yes", "invoiced: must be true or false"],
    ["time", "/time/export.csv?member=", 'member: must be a member id or "all"'],
    ["time", "/time/export.csv?project=&tag=", "project: must be a project id; tag: must be a tag id"],
    ["time", "/time/export.csv?projct=x", "projct: is not a parameter of this export (it takes from, to, member, project, client, billable, invoiced, tag)"],
    ["reports", "/reports/export.csv?from=2026-01-01&to=2026-01-31", "kind: is required (time, unbilled or revenue)"],
    ["reports", "/reports/export.csv?kind=hours&from=2026-01-01&to=2026-01-31", "kind: must be time, unbilled or revenue"],
    ["reports", "/reports/export.csv?kind=time&groupBy=task&from=2026-01-01&to=2026-01-31", "groupBy: must be project, client or member"],
    ["reports", "/reports/export.csv?kind=time", "from: is required (a date written YYYY-MM-DD); to: is required (a date written YYYY-MM-DD)"],
    ["reports", "/reports/export.csv?kind=time&group_by=client&from=2026-01-01&to=2026-01-31", "group_by: is not a parameter of this export (it takes kind, groupBy, from, to)"],
    ["invoices", "/invoices/export.csv?status=lost", "status: must be draft, sent, paid or void"],
    ["invoices", "/invoices/export.csv?kind=bill", "kind: must be invoice or credit_note"],
    ["invoices", "/invoices/export.csv?client=", "client: must be a client id"],
    ["audit", "/settings/audit-log/export?who=&what=nothing", "what: is not an event type or category (categories: members, invoices, rules, settings, connections, assistants)"],
    ["audit", "/settings/audit-log/export?person=x", "person: is not a parameter of this export (it takes who, what, from, to)"],
    ["time", "/time/export.csv?from=2026-01-01&from=2026-02-01", "from: is given more than once; give it once"],
    ["audit", "/settings/audit-log/export?who=a&who=b", "who: is given more than once; give it once"],
  ] as const)("names the %s export's parameter as typed, and what it takes: %s", async (route, path, message) => {
    signedIn.user = { id: demo.ada.id };
    const routes = { time: webTimeExport, reports: webReportsExport, invoices: webInvoicesExport, audit: webAuditExport };
    const res = await call(routes[route], path);
    expect([res.status, await res.text()]).toEqual([400, message]);
  });
});

describe("dates outside the calendar (2000-01-01 to 2099-12-31)", () => {
  const call = (route: { GET: (r: Request, c: { params: Promise<{ workspace: string }> }) => Promise<Response> }, path: string) =>
    route.GET(new Request(`http://localhost:3000/w/lovelace-studio${path}`), { params: Promise.resolve({ workspace: "lovelace-studio" }) });
  const OUTSIDE = "must be a date from 2000-01-01 to 2099-12-31";

  // to=9999-12-31 matched nothing (its next day is year 10000) and answered an empty file; from=0001-01-01 was "not written YYYY-MM-DD".
  it.each([
    [webTimeExport, "/time/export.csv?to=9999-12-31&member=all", `to: ${OUTSIDE}`],
    [webTimeExport, "/time/export.csv?from=0001-01-01", `from: ${OUTSIDE}`],
    [webTimeExport, "/time/export.csv?from=2026-02-01&to=2026-01-01", "from: must be on or before to"],
    [webReportsExport, "/reports/export.csv?kind=time&groupBy=project&from=2000-01-01&to=9999-12-31", `to: ${OUTSIDE}`],
    [webReportsExport, "/reports/export.csv?kind=time&groupBy=project&from=1000-01-01&to=2099-12-31", `from: ${OUTSIDE}`],
    [webReportsExport, "/reports/export.csv?kind=time&groupBy=project&from=2026-02-01&to=2026-01-01", "from: must be on or before to"],
    [webAuditExport, "/settings/audit-log/export?to=9999-12-31", `to: ${OUTSIDE}`],
    [webAuditExport, "/settings/audit-log/export?from=2026-02-01&to=2026-01-01", "from: must be on or before to"],
  ] as const)("a web download refuses %# (%s) with 400 and the reason", async (route, path, message) => {
    signedIn.user = { id: demo.ada.id };
    const res = await call(route, path);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
  });

  it("takes the calendar's last day, and exports the entries on it", async () => {
    signedIn.user = { id: demo.ada.id };
    const whole = await call(webTimeExport, "/time/export.csv?from=2000-01-01&to=2099-12-31&member=all");
    expect(whole.status).toBe(200);
    expect((await whole.text()).split("\r\n").filter(Boolean).slice(1)).toHaveLength(await db.timeEntry.count({ where: { workspaceId: demo.lovelace.id } }));
  });

  it.each([
    ["JSON", {}, { to: "9999-12-31" }, "query.to", OUTSIDE],
    ["CSV", CSV, { to: "9999-12-31" }, "query.to", OUTSIDE],
    ["JSON", {}, { from: "0001-01-01" }, "query.from", OUTSIDE],
    ["CSV", CSV, { from: "2026-02-01", to: "2026-01-01" }, "query.from", "must be on or before to"],
  ])("REST time entries as %s refuse %j with 422 naming the field", async (_, headers, query, field, message) => {
    const res = await apiCall(timeEntriesRoute.GET, { token: adaToken, path: `/api/v1/time-entries?${new URLSearchParams(query)}`, headers });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ errors: { [field]: message } });
  });
});

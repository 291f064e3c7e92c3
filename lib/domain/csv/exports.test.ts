import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { exportInvoices } from "@/lib/domain/invoices/export-invoices";
import { listInvoices } from "@/lib/domain/invoices/list-invoices";
import { exportReport } from "@/lib/domain/reports/export-report";
import { runReport } from "@/lib/domain/reports/run-report";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { exportTimeEntries } from "@/lib/domain/time-entries/export-time-entries";
import { listTimeEntries } from "@/lib/domain/time-entries/list-time-entries";
import { countStatements } from "@/lib/testing/count-statements";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { csvStream, type CsvExport } from "./csv";

let demo: DemoData;
let ada: Actor;
let grace: Actor;

beforeAll(async () => {
  demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
});

/** RFC 4180 read back: quoted fields, doubled quotes, CRLF records. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") record.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") record.push(field), records.push(record), (record = []), (field = ""), i++;
    else field += c;
  }
  return records;
}

async function readCsv(csv: CsvExport): Promise<string[][]> {
  return parseCsv(await new Response(csvStream(csv)).text());
}

/** The export's page queries: SELECT … FROM TimeEntry … LIMIT (SQLite quotes with `, PostgreSQL with "). */
const pageQueries = (statements: string[]) => statements.filter((sql) => /^\s*SELECT\b[\s\S]*\bFROM\s+[`"\w.]*TimeEntry[`"]\s[\s\S]*\bLIMIT\b/i.test(sql));

describe("time entries CSV", () => {
  it("exports every entry the actor may see, newest first, with a header naming the time zone", async () => {
    const [header, ...rows] = await readCsv(await exportTimeEntries(ada));
    expect(header).toEqual(["Date", "Start (Europe/London)", "End (Europe/London)", "Duration (h:mm)", "Hours", "Member", "Client", "Project", "Task", "Description", "Tags", "Billable", "Hourly rate (EUR)", "Invoice"]);
    expect(rows).toHaveLength(await db.timeEntry.count({ where: { workspaceId: ada.workspaceId } }));
    const dates = rows.map((r) => `${r[0]} ${r[1]}`);
    expect(dates).toEqual([...dates].sort().reverse());
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(["Ada Lovelace", "Grace Hopper"]));
    // The same names, tags and invoices as the list shows, entry for entry.
    const { entries } = await listTimeEntries(ada, { limit: 200 });
    expect(rows.slice(0, entries.length).map((r) => [r[5], r[6], r[7], r[8], r[9], r[10], r[11], r[13]])).toEqual(
      entries.map((e) => [e.member.name, e.client.name, e.project.name, e.task?.name ?? "", e.description, e.tags.map((t) => t.name).join("; "), e.billable ? "yes" : "no", e.invoice?.label ?? ""]),
    );
    expect(rows.some((r) => r[13]?.startsWith("INV-"))).toBe(true);
    expect(rows.some((r) => r[10]?.includes("; "))).toBe(true);
  });

  it("applies the filters: a project and a date range", async () => {
    const from = "2000-01-01";
    const newest = await db.timeEntry.findFirstOrThrow({ where: { projectId: demo.docs.id }, orderBy: { startedAt: "desc" } });
    const to = newest.startedAt.toISOString().slice(0, 10);
    const rows = (await readCsv(await exportTimeEntries(ada, { projectId: demo.docs.id, from, to }))).slice(1);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r[7]))).toEqual(new Set(["Difference Engine Docs"]));
    expect(rows.every((r) => (r[0] ?? "") <= to)).toBe(true);
  });

  it("gives a member only their own entries", async () => {
    const rows = (await readCsv(await exportTimeEntries(grace))).slice(1);
    expect(rows.length).toBe(await db.timeEntry.count({ where: { membershipId: grace.membershipId } }));
    expect(new Set(rows.map((r) => r[5]))).toEqual(new Set(["Grace Hopper"]));
  });

  it("refuses a member another member's entries before any is read", async () => {
    const counted = await countStatements(() => expect(exportTimeEntries(grace, { membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden", message: "A member can only export their own time entries." }));
    expect(pageQueries(counted.statements)).toHaveLength(0);
  });

  it.each([
    { name: "a reversed range", input: { from: "2026-02-01", to: "2026-01-01" }, field: "from" },
    { name: "a bad date", input: { from: "yesterday" }, field: "from" },
  ])("refuses $name", async ({ input, field }) => {
    await expect(exportTimeEntries(ada, input)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
  });

  it("quotes commas, quotes and line breaks, and guards a description against formula injection", async () => {
    const description = '=HYPERLINK("http://evil.example","click"), then\nmore';
    const entry = await createTimeEntry(ada, { projectId: demo.docs.id, startedAt: "2001-01-01T10:00:00Z", durationSeconds: 5400, description });
    try {
      const text = await new Response(csvStream(await exportTimeEntries(ada, { from: "2001-01-01", to: "2001-01-01" }))).text();
      expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""click""), then\nmore"`);
      const [, row] = parseCsv(text);
      expect(row?.slice(0, 5)).toEqual(["2001-01-01", "10:00", "11:30", "1:30", "1.50"]);
      expect(row?.[9]).toBe(`'${description}`);
    } finally {
      await db.timeEntry.delete({ where: { id: entry.id } });
    }
  });

  it("reads the database a bounded page at a time, and only as the stream is pulled", async () => {
    const total = await db.timeEntry.count({ where: { workspaceId: ada.workspaceId } });
    const pageSize = 7;
    expect(total).toBeGreaterThan(3 * pageSize);
    const whole = await countStatements(async () => expect((await readCsv(await exportTimeEntries(ada, {}, { pageSize }))).length).toBe(total + 1));
    // Every page but a short last one is full; an exact multiple ends with one empty page.
    expect(pageQueries(whole.statements)).toHaveLength(Math.floor(total / pageSize) + 1);

    const reader = csvStream(await exportTimeEntries(ada, {}, { pageSize })).getReader();
    const started = await countStatements(async () => {
      await reader.read(); // the header
      const first = await reader.read(); // the first page
      expect(new TextDecoder().decode(first.value).split("\r\n").filter(Boolean)).toHaveLength(pageSize);
    });
    expect(pageQueries(started.statements).length).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});

describe("invoices CSV", () => {
  it("exports every invoice and credit note, newest number first, amounts as decimals", async () => {
    const [header, ...rows] = await readCsv(await exportInvoices(ada));
    expect(header?.slice(0, 8)).toEqual(["Number", "Kind", "Status", "Client", "Issue date", "Due date", "Currency", "Subtotal"]);
    const invoices = await db.invoice.findMany({ where: { workspaceId: ada.workspaceId }, orderBy: [{ number: "desc" }, { id: "desc" }] });
    expect(rows).toHaveLength(invoices.length);
    expect(rows.map((r) => r[10])).toEqual(invoices.map((i) => (i.total / 100).toFixed(2)));
  });

  it("applies the status filter, over several pages", async () => {
    const rows = (await readCsv(await exportInvoices(ada, { status: "draft" }, { pageSize: 1 }))).slice(1);
    expect(rows.length).toBe(await db.invoice.count({ where: { workspaceId: ada.workspaceId, status: "draft" } }));
    expect(rows.every((r) => r[2] === "draft")).toBe(true);
  });

  it("refuses a member, who may not read invoices", async () => {
    await expect(exportInvoices(grace)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses a client id that is not the workspace's (unknown, or another workspace's), naming the field", async () => {
    const foreign = await db.client.findFirstOrThrow({ where: { workspaceId: demo.engines.id } });
    for (const clientId of ["nope", foreign.id]) {
      const refusal = { code: "invalid_input", message: "clientId: no client with this id in this workspace", fieldErrors: { clientId: "no client with this id in this workspace" } };
      await expect(exportInvoices(ada, { clientId })).rejects.toMatchObject(refusal);
      await expect(listInvoices(ada, { clientId })).rejects.toMatchObject(refusal);
    }
    expect((await listInvoices(ada, { clientId: demo.menabrea.id })).invoices.every((i) => i.client.id === demo.menabrea.id)).toBe(true);
  });

  it("refuses an unknown status", async () => {
    await expect(exportInvoices(ada, { status: "lost" as never })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { status: expect.any(String) } });
  });
});

describe("report CSV", () => {
  const range = { from: "2000-01-01", to: "2099-12-31" };

  it("has the page's rows and a total that is the sum of the hours shown", async () => {
    const report = await runReport(ada, { kind: "time", groupBy: "project", ...range });
    const [header, ...rows] = await readCsv(await exportReport(ada, { kind: "time", groupBy: "project", ...range }));
    expect(header).toEqual(["Project", "Tracked hours", "Billable hours", "Amount (EUR)"]);
    expect(rows.map((r) => r[0])).toEqual([...report.rows.map((r) => r.label), "Total"]);
    const body = rows.slice(0, -1);
    const hundredths = (col: number) => body.reduce((s, r) => s + Math.round(Number(r[col]) * 100), 0);
    expect(Math.round(Number(rows.at(-1)?.[1]) * 100)).toBe(hundredths(1));
    expect(Math.round(Number(rows.at(-1)?.[2]) * 100)).toBe(hundredths(2));
    expect(rows.at(-1)?.[3]).toBe((report.totals.amount / 100).toFixed(2));
  });

  it("exports revenue by project with collected per project adding up", async () => {
    const [header, ...rows] = await readCsv(await exportReport(ada, { kind: "revenue", groupBy: "project", ...range }));
    expect(header).toEqual(["Project", "Invoiced, net (EUR)", "Collected (EUR)"]);
    const total = rows.at(-1);
    const cents = (v: string | undefined) => Math.round(Number(v) * 100);
    expect(cents(total?.[2])).toBeGreaterThan(0);
    expect(rows.slice(0, -1).reduce((s, r) => s + cents(r[2]), 0)).toBe(cents(total?.[2]));
  });

  it("refuses what the report refuses: revenue for a member, revenue by member", async () => {
    await expect(exportReport(grace, { kind: "revenue", groupBy: "client", ...range })).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportReport(ada, { kind: "revenue", groupBy: "member", ...range })).rejects.toMatchObject({ code: "invalid_input" });
  });
});

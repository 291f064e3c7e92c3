/**
 * A page of time entries in two queries says exactly what the per-relation include said: every
 * demo entry (tasks, several tags, invoiced by draft, sent and paid invoices, two members) comes
 * out equal to the view built from `include: timeEntryInclude`.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { countStatements } from "@/lib/testing/count-statements";
import { loadDemoData } from "@/lib/testing/demo-data";
import { listTimeEntries } from "./list-time-entries";
import { loadTimeEntryViews } from "./load-time-entry-views";
import { timeEntryColumns, timeEntryInclude, toTimeEntryView } from "./time-entry-view";

let ada: Actor;

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
});

const newestFirst = [{ startedAt: "desc" as const }, { id: "desc" as const }];

describe("loadTimeEntryViews", () => {
  it("builds every entry's view exactly as the include tree does", async () => {
    const included = await db.timeEntry.findMany({ include: timeEntryInclude, orderBy: newestFirst });
    const expected = included.map(toTimeEntryView);
    // The demo data has what the query joins: tasks, entries with several tags, invoiced entries.
    expect(expected.some((e) => e.task)).toBe(true);
    expect(expected.some((e) => e.tags.length > 1)).toBe(true);
    expect(new Set(expected.flatMap((e) => (e.invoice ? [e.invoice.status] : []))).size).toBeGreaterThan(1);
    expect(new Set(expected.map((e) => e.member.id)).size).toBeGreaterThan(1);

    const columns = await db.timeEntry.findMany({ select: timeEntryColumns, orderBy: newestFirst });
    expect(await loadTimeEntryViews(columns)).toEqual(expected);
  });

  it("answers an empty page without a query", async () => {
    const cost = await countStatements(async () => expect(await loadTimeEntryViews([])).toEqual([]));
    expect(cost.statements).toEqual([]);
  });
});

describe("listTimeEntries", () => {
  it("reads a page in two queries, whatever the page references", async () => {
    const cost = await countStatements(() => listTimeEntries(ada, { limit: 50 }));
    expect(cost.reads).toBe(2);
    expect(cost.writes).toBe(0);
  });
});

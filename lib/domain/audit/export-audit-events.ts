/**
 * The filtered audit log as CSV, streamed: the filters are checked (and the permission) before
 * the first byte, then the rows are read a page at a time through the same keyset pages as the
 * audit log page, so an export of any length holds one page in memory. Times are written in
 * the workspace's time zone, which has a column of its own.
 */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { CSV_PAGE_SIZE, type CsvExport } from "@/lib/domain/csv/csv";
import { localClock } from "@/lib/domain/csv/local-clock";
import { AuditFilterInput, checkAuditFilter, listAuditEvents, type AuditFilter } from "./list-audit-events";

export const AUDIT_CSV_HEADER = ["Date", "Time", "Time zone", "Who", "What", "App", "Detail", "Event type"] as const;

/**
 * The export for `filter` (who, what, from, to as on the audit log page).
 * @throws forbidden below owner/admin (`members:manage`); invalid_input for a bad filter (a `who`
 *   not of this workspace among them).
 */
export async function exportAuditEvents(actor: Actor, filter: AuditFilter = {}): Promise<CsvExport> {
  assertCan(actor, "members:manage", "export the audit log");
  const checked = parseInput(AuditFilterInput, filter);
  await checkAuditFilter(actor, checked);
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { slug: true, timeZone: true } });
  const zone = workspace.timeZone;
  const clock = localClock(zone);

  async function* pages() {
    let cursor: string | undefined;
    do {
      const { events, nextCursor } = await listAuditEvents(actor, { filter: checked, cursor, limit: CSV_PAGE_SIZE });
      yield events.map((e) => {
        const { date, time } = clock(e.at);
        return [date, time, zone, e.who, e.what, e.app, e.detail, e.type];
      });
      cursor = nextCursor ?? undefined;
    } while (cursor);
  }
  const range = checked.from || checked.to ? `-${checked.from ?? "start"}-to-${checked.to ?? "now"}` : "";
  return { fileName: `audit-log-${workspace.slug}${range}.csv`, header: AUDIT_CSV_HEADER, pages: pages() };
}

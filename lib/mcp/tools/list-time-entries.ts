import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { listTimeEntries as listTimeEntriesInDomain } from "@/lib/domain/time-entries/list-time-entries";
import { defineTool, READ_ONLY } from "../tool";
import { TimeEntryOut } from "@/lib/integrations/wire-schemas";
import { cursorArg, dateArg, idArg, idListArg, limitArg } from "./args";

export const listTimeEntries = defineTool({
  name: "list_time_entries",
  title: "List time entries",
  description:
    "Tracked time, newest first, one page at a time: when next_cursor is not null, call again with cursor set to it for the next (older) page. Filters: from/to (YYYY-MM-DD, inclusive, in the workspace's time zone), project_id (list_projects), client_id (list_clients), member_id (member.id of an entry, or get_profile's member_id), billable, invoiced, tag_ids (entries with any of these tags, from list_tags). Durations are seconds, hourly_rate is minor units per hour; started_at is an ISO 8601 instant. Members see only their own entries.",
  scope: "time:read",
  permission: "time:read_own",
  access: "read",
  input: z.object({
    from: dateArg("First day").optional(),
    to: dateArg("Last day, inclusive").optional(),
    project_id: idArg("a project", "list_projects").optional(),
    client_id: idArg("a client", "list_clients").optional(),
    member_id: idArg("a workspace member", "member.id on time entries, or get_profile's member_id").optional(),
    billable: z.boolean().optional().describe("true: only billable entries; false: only non-billable ones"),
    invoiced: z.boolean().optional().describe("true: only entries already on an invoice; false: only unbilled ones"),
    tag_ids: idListArg("tags", "list_tags", 20).optional().describe("Entries carrying any of these tags (ids from list_tags)"),
    cursor: cursorArg.optional(),
    limit: limitArg,
  }),
  output: z.object({
    entries: z.array(TimeEntryOut),
    next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page"),
  }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) =>
    listTimeEntriesInDomain(actor, {
      from: input.from,
      to: input.to,
      projectId: input.project_id,
      clientId: input.client_id,
      membershipId: input.member_id,
      billable: input.billable,
      invoiced: input.invoiced,
      tagIds: input.tag_ids,
      cursor: input.cursor,
      limit: input.limit,
    }),
  render: ({ entries, next_cursor }) => {
    if (!entries.length) return "No time entries match.";
    const lines = entries.map(
      (e) =>
        `${e.started_at} ${formatDuration(e.duration_seconds)} ${e.project.name}${e.task ? ` / ${e.task.name}` : ""}${e.description ? `: ${e.description}` : ""} — ${e.member.name}${e.invoice ? ` [${e.invoice.label}]` : ""} (${e.id})`,
    );
    return [...lines, ...(next_cursor ? [`More entries: call again with cursor "${next_cursor}".`] : [])].join("\n");
  },
});

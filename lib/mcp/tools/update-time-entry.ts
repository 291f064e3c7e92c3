import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { updateTimeEntry as updateTimeEntryInDomain } from "@/lib/domain/time-entries/update-time-entry";
import { defineTool, UPDATING } from "../tool";
import { TimeEntryOut } from "@/lib/integrations/wire-schemas";
import { clockTimeArg, dateArg, idArg, idListArg, startedAtArg } from "./args";
import { entryStart } from "./entry-start";

export const updateTimeEntry = defineTool({
  name: "update_time_entry",
  title: "Edit a time entry",
  description:
    "Changes a time entry that is not on an invoice (an invoiced entry is locked until its invoice is voided). Fields left out stay as they are. To move it in time give started_at (ISO 8601 with an offset) or date (YYYY-MM-DD) + start_time (HH:MM) together, in the workspace's time zone. duration_seconds is whole seconds, 60–86400. Moving it to another project (project_id) re-resolves its hourly rate and drops a task of the old project; task_id null removes the task; tag_ids replaces all tags.",
  scope: "time:write",
  permission: "time:write_own",
  access: "write",
  input: z.object({
    time_entry_id: idArg("the entry", "list_time_entries"),
    project_id: idArg("the project to move it to", "list_projects").optional(),
    task_id: idArg("a task of the entry's project", "list_tasks").nullable().optional().describe("A task of the entry's (new) project; null removes the task"),
    started_at: startedAtArg.optional(),
    date: dateArg("New day (with start_time)").optional(),
    start_time: clockTimeArg.optional(),
    duration_seconds: z.int().min(60).max(86_400).optional().describe("New duration in seconds, 60–86400"),
    description: z.string().max(1_000).optional().describe("What was done"),
    billable: z.boolean().optional().describe("Whether the entry is billable"),
    tag_ids: idListArg("tags", "list_tags", 20).optional().describe("Replaces the entry's tags; [] removes them all"),
  }),
  output: z.object({ time_entry: TimeEntryOut }),
  annotations: UPDATING,
  run: async ({ actor }, input) => ({
    time_entry: await updateTimeEntryInDomain(actor, {
      id: input.time_entry_id,
      projectId: input.project_id,
      taskId: input.task_id,
      startedAt: await entryStart(actor, input),
      durationSeconds: input.duration_seconds,
      description: input.description,
      billable: input.billable,
      tagIds: input.tag_ids,
    }),
  }),
  render: ({ time_entry: e }) => `Updated the entry ${e.id}: ${formatDuration(e.duration_seconds)} on ${e.project.name} starting ${e.started_at}.`,
});

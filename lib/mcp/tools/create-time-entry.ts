import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";
import { createTimeEntry as createTimeEntryInDomain } from "@/lib/domain/time-entries/create-time-entry";
import { ADDITIVE, defineTool } from "../tool";
import { TimeEntryOut } from "@/lib/integrations/wire-schemas";
import { clockTimeArg, dateArg, idArg, idListArg, startedAtArg } from "./args";
import { entryStart } from "./entry-start";

export const createTimeEntry = defineTool({
  name: "create_time_entry",
  title: "Track time",
  description:
    "Records a block of work on a project (project_id from list_projects, optional task_id from list_tasks). When: either started_at (ISO 8601 with an offset) or date (YYYY-MM-DD) + start_time (HH:MM), both in the workspace's time zone (see get_workspace) — not both forms. How long: duration_seconds, a whole number of seconds from 60 to 86400 (1:30 = 5400). billable defaults to the task's, else the project's, default; the hourly rate is resolved from rules and the project and kept on the entry. Owners and admins may track for another member with member_id. Accepts an idempotency_key for safe retries.",
  scope: "time:write",
  permission: "time:write_own",
  access: "write",
  input: z.object({
    project_id: idArg("the project", "list_projects"),
    task_id: idArg("a task of that project", "list_tasks").optional(),
    started_at: startedAtArg.optional(),
    date: dateArg("Day the work started (with start_time)").optional(),
    start_time: clockTimeArg.optional(),
    duration_seconds: z.int().min(60).max(86_400).describe("Duration in seconds, 60–86400 (e.g. 5400 for 1:30)"),
    description: z.string().max(1_000).default("").describe("What was done"),
    billable: z.boolean().optional().describe("Defaults to the task's billable flag, else the project's billable default"),
    tag_ids: idListArg("tags", "list_tags", 20).default([]),
    member_id: idArg("the member to track for", "member.id on time entries").optional().describe("Owners and admins only: track for another member; defaults to you"),
  }),
  output: z.object({ time_entry: TimeEntryOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  async run({ actor, tx }, input) {
    const startedAt = await entryStart(actor, input);
    if (startedAt === undefined) {
      throw invalidInput("Say when the work started: started_at (ISO 8601 with an offset), or date and start_time in the workspace's time zone.", {
        started_at: "or date and start_time is required",
      });
    }
    return {
      time_entry: await createTimeEntryInDomain(actor, {
        projectId: input.project_id,
        taskId: input.task_id,
        startedAt,
        durationSeconds: input.duration_seconds,
        description: input.description,
        billable: input.billable,
        tagIds: input.tag_ids,
        membershipId: input.member_id,
      }, tx),
    };
  },
  render: ({ time_entry: e }) =>
    `Tracked ${formatDuration(e.duration_seconds)} on ${e.project.name}${e.task ? ` / ${e.task.name}` : ""} starting ${e.started_at}${e.billable ? "" : " (non-billable)"} (${e.id}).`,
});

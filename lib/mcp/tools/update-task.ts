import { z } from "zod";
import { updateTask as updateTaskInDomain } from "@/lib/domain/tasks/update-task";
import { defineTool, UPDATING } from "../tool";
import { TaskOut } from "@/lib/integrations/wire-schemas";
import { idArg, idListArg, nameArg, TaskStatusArg } from "./args";

export const updateTask = defineTool({
  name: "update_task",
  title: "Update a task",
  description:
    "Changes a task's name, status, billable flag, estimate (seconds; null removes it) or tags (tag_ids replaces the whole set; [] removes all). Fields left out stay as they are. Existing time entries keep their own billable flag.",
  scope: "tasks:write",
  permission: "tasks:write",
  access: "write",
  input: z.object({
    task_id: idArg("the task", "list_tasks"),
    name: nameArg.optional().describe("New name, unique in the project"),
    status: TaskStatusArg.optional().describe("open, in_progress or done"),
    billable: z.boolean().optional().describe("Whether new time on the task is billable"),
    estimate_seconds: z.int().min(60).max(36_000_000).nullable().optional().describe("Estimate in seconds; null removes it"),
    tag_ids: idListArg("tags", "list_tags", 20).optional().describe("Replaces the task's tags (ids from list_tags)"),
  }),
  output: z.object({ task: TaskOut }),
  annotations: UPDATING,
  run: async ({ actor }, input) => ({
    task: await updateTaskInDomain(actor, {
      id: input.task_id,
      name: input.name,
      status: input.status,
      billable: input.billable,
      estimateSeconds: input.estimate_seconds,
      tagIds: input.tag_ids,
    }),
  }),
  render: ({ task }) => `Updated task ${task.name} [${task.status}] (${task.id}).`,
});

import { z } from "zod";
import { createTask as createTaskInDomain } from "@/lib/domain/tasks/create-task";
import { ADDITIVE, defineTool } from "../tool";
import { TaskOut } from "@/lib/integrations/wire-schemas";
import { idArg, idListArg, nameArg, TaskStatusArg } from "./args";

export const createTask = defineTool({
  name: "create_task",
  title: "Create a task",
  description:
    "Adds a task to a project (project_id from list_projects). Task names are unique per project. estimate_seconds is an estimate in seconds; billable defaults to the project's billable default. Accepts an idempotency_key for safe retries.",
  scope: "tasks:write",
  permission: "tasks:write",
  access: "write",
  input: z.object({
    project_id: idArg("the project", "list_projects"),
    name: nameArg.describe("Task name, unique in the project"),
    status: TaskStatusArg.default("open").describe("open (default), in_progress or done"),
    billable: z.boolean().optional().describe("Defaults to the project's billable default"),
    estimate_seconds: z.int().min(60).max(36_000_000).optional().describe("Estimate in seconds, e.g. 36000 = 10 hours"),
    tag_ids: idListArg("tags", "list_tags", 20).default([]),
  }),
  output: z.object({ task: TaskOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  run: async ({ actor, tx }, input) => ({
    task: await createTaskInDomain(actor, {
      projectId: input.project_id,
      name: input.name,
      status: input.status,
      billable: input.billable,
      estimateSeconds: input.estimate_seconds,
      tagIds: input.tag_ids,
    }, tx),
  }),
  render: ({ task }) => `Created task ${task.name} on ${task.project.name} (${task.id}).`,
});

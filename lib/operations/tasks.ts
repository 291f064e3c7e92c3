/** Tasks: units of work inside a project, with a status, an estimate and tags. */
import { z } from "zod";
import { createTask as createTaskInDomain } from "@/lib/domain/tasks/create-task";
import { listTasks as listTasksInDomain } from "@/lib/domain/tasks/list-tasks";
import { updateTask as updateTaskInDomain } from "@/lib/domain/tasks/update-task";
import { domainNamed } from "@/lib/integrations/wire";
import { TaskOut } from "@/lib/integrations/wire-schemas";
import { estimateSeconds, id, idList, name, taskStatus } from "./fields";
import { defineOperation } from "./operation";

export const listTasks = defineOperation({
  name: "list_tasks",
  title: "List tasks",
  description:
    "Tasks (units of work inside a project), by project then name, with their status, billable flag, estimate and tracked time in seconds, project, client and tags. Filter by project_id (from list_projects) and status. Task ids go into create_time_entry and update_task.",
  scope: "tasks:read", permission: "tasks:read", effect: "read",
  input: z.object({
    project_id: id("a project", "list_projects").optional().describe("Only this project's tasks (id from list_projects)"),
    status: taskStatus.optional().describe("Only tasks with this status"),
  }),
  output: z.object({ tasks: z.array(TaskOut.extend({ tracked_seconds: z.number().int().describe("All time tracked on the task, in seconds") })) }),
  run: async ({ actor }, input) => ({ tasks: await listTasksInDomain(actor, domainNamed(input)) }),
});

export const createTask = defineOperation({
  name: "create_task",
  title: "Create a task",
  description:
    "Adds a task to a project (project_id from list_projects). Task names are unique per project. estimate_seconds is an estimate in seconds; billable defaults to the project's billable default.",
  scope: "tasks:write", permission: "tasks:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    project_id: id("the project", "list_projects"),
    name: name.describe("Task name, unique in the project"),
    status: taskStatus.default("open").describe("open (default), in_progress or done"),
    billable: z.boolean().optional().describe("Defaults to the project's billable default"),
    estimate_seconds: estimateSeconds.nullable().optional().describe("Estimate in seconds, e.g. 36000 = 10 hours"),
    tag_ids: idList("tags", "list_tags", 20).default([]),
  }),
  output: z.object({ task: TaskOut }),
  run: async ({ actor, tx }, input) => ({ task: await createTaskInDomain(actor, domainNamed(input), tx) }),
});

export const updateTask = defineOperation({
  name: "update_task",
  title: "Update a task",
  description:
    "Changes a task's name, status, billable flag, estimate (seconds; null removes it) or tags (tag_ids replaces the whole set; [] removes all). Fields left out stay as they are. Existing time entries keep their own billable flag.",
  scope: "tasks:write", permission: "tasks:write", effect: "updating",
  input: z.object({
    task_id: id("the task", "list_tasks"),
    name: name.optional().describe("New name, unique in the project"),
    status: taskStatus.optional().describe("open, in_progress or done"),
    billable: z.boolean().optional().describe("Whether new time on the task is billable"),
    estimate_seconds: estimateSeconds.nullable().optional().describe("Estimate in seconds; null removes it"),
    tag_ids: idList("tags", "list_tags", 20).optional().describe("Replaces the task's tags (ids from list_tags)"),
  }),
  output: z.object({ task: TaskOut }),
  fieldNames: { id: "task_id" },
  run: async ({ actor }, { task_id, ...changes }) => ({ task: await updateTaskInDomain(actor, { id: task_id, ...domainNamed(changes) }) }),
});

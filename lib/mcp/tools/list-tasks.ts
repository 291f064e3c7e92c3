import { z } from "zod";
import { formatDuration } from "@/lib/domain/durations";
import { listTasks as listTasksInDomain } from "@/lib/domain/tasks/list-tasks";
import { defineTool, READ_ONLY } from "../tool";
import { TaskOut } from "@/lib/integrations/wire-schemas";
import { idArg, TaskStatusArg } from "./args";

export const listTasks = defineTool({
  name: "list_tasks",
  title: "List tasks",
  description:
    "Tasks (units of work inside a project) with their status, billable flag, estimate and tracked time in seconds, project, client and tags. Filter by project_id (from list_projects) and status. Task ids go into create_time_entry and update_task.",
  scope: "tasks:read",
  permission: "tasks:read",
  access: "read",
  input: z.object({
    project_id: idArg("a project", "list_projects").optional().describe("Only this project's tasks (id from list_projects)"),
    status: TaskStatusArg.optional().describe("Only tasks with this status"),
  }),
  output: z.object({ tasks: z.array(TaskOut.extend({ tracked_seconds: z.number().int().describe("All time tracked on the task, in seconds") })) }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) => ({ tasks: await listTasksInDomain(actor, { projectId: input.project_id, status: input.status }) }),
  render: ({ tasks }) =>
    tasks.length
      ? tasks
          .map(
            (t) =>
              `${t.project.name} / ${t.name} [${t.status}] ${formatDuration(t.tracked_seconds)}${t.estimate_seconds ? ` of ${formatDuration(t.estimate_seconds)}` : ""} (${t.id})`,
          )
          .join("\n")
      : "No tasks.",
});

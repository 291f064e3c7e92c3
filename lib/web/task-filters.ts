/**
 * The Tasks page's `?project&status` filters: applied when they name one of the workspace's
 * projects and a task status, otherwise left off — with a notice saying which filter was not
 * applied and why, rather than silently listing every task as if it had been.
 */
import { TaskStatusInput } from "@/lib/domain/tasks/task-input";
import type { z } from "zod";

export interface TaskFilters {
  projectId: string | undefined;
  status: z.infer<typeof TaskStatusInput> | undefined;
  /** One sentence per filter that was asked for and not applied. */
  notices: string[];
}

export function resolveTaskFilters(options: {
  project: string | undefined;
  status: string | undefined;
  /** The workspace's project ids, archived ones included. */
  projectIds: readonly string[];
}): TaskFilters {
  const { project, status, projectIds } = options;
  const notices: string[] = [];
  const projectId = project && projectIds.includes(project) ? project : undefined;
  if (project && !projectId) notices.push("There is no project with that id in this workspace, so tasks of every project are shown.");
  const parsed = TaskStatusInput.safeParse(status);
  if (status && !parsed.success) notices.push(`There is no task status “${status.slice(0, 40)}” (it is open, in_progress or done), so tasks of every status are shown.`);
  return { projectId, status: parsed.success ? parsed.data : undefined, notices };
}

import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { checkFilterIds } from "@/lib/domain/workspaces/check-filter-ids";
import { TaskStatusInput } from "./task-input";
import { taskInclude, toTaskView, type TaskView } from "./task-view";

export const ListTasksInput = z.object({
  projectId: Id.optional(),
  status: TaskStatusInput.optional(),
});

export interface TaskSummary extends TaskView {
  trackedSeconds: number;
}

/** @throws invalid_input for a project id not of this workspace (not an empty list) */
export async function listTasks(actor: Actor, input: z.input<typeof ListTasksInput> = {}): Promise<TaskSummary[]> {
  assertCan(actor, "tasks:read", "view tasks");
  const { projectId, status } = parseInput(ListTasksInput, input);
  await checkFilterIds(actor, { projectId });
  const rows = await db.task.findMany({
    where: { workspaceId: actor.workspaceId, ...(projectId ? { projectId } : {}), ...(status ? { status } : {}) },
    include: taskInclude,
    orderBy: [{ project: { name: "asc" } }, { name: "asc" }],
  });
  const tracked = await db.timeEntry.groupBy({
    by: ["taskId"],
    where: { workspaceId: actor.workspaceId, taskId: { in: rows.map((r) => r.id) } },
    _sum: { durationSeconds: true },
  });
  const trackedByTask = new Map(tracked.map((t) => [t.taskId, t._sum.durationSeconds ?? 0]));
  return rows.map((row) => ({ ...toTaskView(row), trackedSeconds: trackedByTask.get(row.id) ?? 0 }));
}

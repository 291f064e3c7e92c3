import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { Id, Name } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { assertTagsInWorkspace, EstimateSeconds, TaskStatusInput, TaskTagIds } from "./task-input";
import { taskInclude, toTaskView, type TaskView } from "./task-view";

export const UpdateTaskInput = z.object({
  id: Id,
  name: Name.optional(),
  status: TaskStatusInput.optional(),
  billable: z.boolean().optional(),
  estimateSeconds: EstimateSeconds.nullish(),
  /** Replaces the task's tags when given. */
  tagIds: TaskTagIds.optional(),
});
export type UpdateTaskInput = z.input<typeof UpdateTaskInput>;

export async function updateTask(actor: Actor, input: UpdateTaskInput): Promise<TaskView> {
  assertCan(actor, "tasks:write", "edit tasks");
  const { id, tagIds, ...changes } = parseInput(UpdateTaskInput, input);
  const row = await db.$transaction(async (tx) => {
    const existing = await tx.task.findFirst({ where: { id, workspaceId: actor.workspaceId } });
    if (!existing) throw notFound("Task");
    const tags = tagIds ? await assertTagsInWorkspace(tx, actor, tagIds) : null;
    return withUniqueName(
      () =>
        tx.task.update({
          where: { id },
          data: { ...changes, ...(tags ? { tags: { deleteMany: {}, create: tags.map((tagId) => ({ tagId })) } } : {}) },
          include: taskInclude,
        }),
      `This project already has a task named "${changes.name}".`,
    );
  });
  return toTaskView(row);
}

import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { Id, Name } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { assertTagsInWorkspace, EstimateSeconds, TaskStatusInput, TaskTagIds } from "./task-input";
import { taskInclude, toTaskView, type TaskView } from "./task-view";

export const CreateTaskInput = z.object({
  projectId: Id,
  name: Name,
  status: TaskStatusInput.default("open"),
  /** Defaults to the project's "billable by default". */
  billable: z.boolean().optional(),
  estimateSeconds: EstimateSeconds.nullish(),
  tagIds: TaskTagIds.default([]),
});
export type CreateTaskInput = z.input<typeof CreateTaskInput>;

/** Adds a task to a project. `tx`: a transaction to write in (a keyed call's), else one of its own. */
export async function createTask(actor: Actor, input: CreateTaskInput, tx?: DbTx): Promise<TaskView> {
  assertCan(actor, "tasks:write", "create tasks");
  const data = parseInput(CreateTaskInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const project = await tx.project.findFirst({ where: { id: data.projectId, workspaceId: actor.workspaceId } });
    if (!project) throw invalidInput("Choose a project from this workspace.", { projectId: "is not a project in this workspace" });
    if (project.archived) throw invalidInput(`Project "${project.name}" is archived.`, { projectId: "is archived" });
    const tagIds = await assertTagsInWorkspace(tx, actor, data.tagIds);
    return withUniqueName(
      () =>
        tx.task.create({
          data: {
            workspaceId: actor.workspaceId,
            projectId: project.id,
            name: data.name,
            status: data.status,
            billable: data.billable ?? project.billableByDefault,
            estimateSeconds: data.estimateSeconds ?? null,
            tags: { create: tagIds.map((tagId) => ({ tagId })) },
          },
          include: taskInclude,
        }),
      `Project "${project.name}" already has a task named "${data.name}".`,
    );
  });
  return toTaskView(row);
}

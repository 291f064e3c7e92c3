import { z } from "zod";
import type { DbTx } from "@/lib/db";
import { TaskStatus } from "@/lib/generated/prisma/enums";
import type { Actor } from "@/lib/domain/actor";
import { invalidInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";

export const TaskStatusInput = z.enum(Object.values(TaskStatus) as [TaskStatus, ...TaskStatus[]], {
  error: "must be one of open, in_progress, done",
});
export const EstimateSeconds = z.int().min(60, "must be at least one minute").max(10_000 * 3600, "is too large");
export const TaskTagIds = z.array(Id).max(20, "at most 20 tags");

export async function assertTagsInWorkspace(tx: DbTx, actor: Actor, tagIds: string[]): Promise<string[]> {
  const unique = [...new Set(tagIds)];
  if (!unique.length) return unique;
  const found = await tx.tag.count({ where: { id: { in: unique }, workspaceId: actor.workspaceId } });
  if (found !== unique.length) throw invalidInput("One of the tags is not in this workspace.", { tagIds: "contains an unknown tag" });
  return unique;
}

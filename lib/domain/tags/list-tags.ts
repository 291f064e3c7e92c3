import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import type { TagView } from "./create-tag";

export interface TagSummary extends TagView {
  timeEntryCount: number;
  taskCount: number;
}

export async function listTags(actor: Actor): Promise<TagSummary[]> {
  assertCan(actor, "tags:read", "view tags");
  const rows = await db.tag.findMany({
    where: { workspaceId: actor.workspaceId },
    include: { _count: { select: { timeEntries: true, tasks: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ id: row.id, name: row.name, timeEntryCount: row._count.timeEntries, taskCount: row._count.tasks }));
}

import type { Prisma, TaskStatus } from "@/lib/generated/prisma/client";

export const taskInclude = {
  project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
  tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.TaskInclude;
type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export interface TaskView {
  id: string;
  name: string;
  status: TaskStatus;
  billable: boolean;
  estimateSeconds: number | null;
  project: { id: string; name: string };
  client: { id: string; name: string };
  tags: { id: string; name: string }[];
}

export function toTaskView(row: TaskRow): TaskView {
  return {
    id: row.id,
    name: row.name,
    status: row.status,
    billable: row.billable,
    estimateSeconds: row.estimateSeconds,
    project: { id: row.project.id, name: row.project.name },
    client: row.project.client,
    tags: row.tags.map((t) => t.tag),
  };
}

import type { Prisma } from "@/lib/generated/prisma/client";

export const projectInclude = { client: { select: { id: true, name: true } } } satisfies Prisma.ProjectInclude;
type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof projectInclude }>;

export interface ProjectView {
  id: string;
  name: string;
  client: { id: string; name: string };
  /** Minor units per hour, or null to fall back to rules and the workspace default. */
  hourlyRate: number | null;
  billableByDefault: boolean;
  archived: boolean;
}

export function toProjectView(row: ProjectRow): ProjectView {
  return {
    id: row.id,
    name: row.name,
    client: row.client,
    hourlyRate: row.hourlyRate,
    billableByDefault: row.billableByDefault,
    archived: row.archived,
  };
}

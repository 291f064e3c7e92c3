import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { checkFilterIds } from "@/lib/domain/workspaces/check-filter-ids";
import { projectInclude, toProjectView, type ProjectView } from "./project-view";

export const ListProjectsInput = z.object({
  clientId: Id.optional(),
  includeArchived: z.boolean().default(false),
});

/** @throws invalid_input for a client id not of this workspace (not an empty list) */
export async function listProjects(actor: Actor, input: z.input<typeof ListProjectsInput> = {}): Promise<ProjectView[]> {
  assertCan(actor, "projects:read", "view projects");
  const { clientId, includeArchived } = parseInput(ListProjectsInput, input);
  await checkFilterIds(actor, { clientId });
  const rows = await db.project.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(clientId ? { clientId } : {}),
      ...(includeArchived ? {} : { archived: false, client: { archived: false } }),
    },
    include: projectInclude,
    orderBy: [{ client: { name: "asc" } }, { name: "asc" }],
  });
  return rows.map(toProjectView);
}

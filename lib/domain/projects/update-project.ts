import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { HourlyRate, Id, Name } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { projectInclude, toProjectView, type ProjectView } from "./project-view";

export const UpdateProjectInput = z.object({
  id: Id,
  name: Name.optional(),
  /** null clears the project's own rate. Existing entries keep the rate they were recorded at. */
  hourlyRate: HourlyRate.nullish(),
  billableByDefault: z.boolean().optional(),
  archived: z.boolean().optional(),
});
export type UpdateProjectInput = z.input<typeof UpdateProjectInput>;

export async function updateProject(actor: Actor, input: UpdateProjectInput): Promise<ProjectView> {
  assertCan(actor, "projects:write", "edit projects");
  const { id, ...changes } = parseInput(UpdateProjectInput, input);
  const existing = await db.project.findFirst({ where: { id, workspaceId: actor.workspaceId } });
  if (!existing) throw notFound("Project");
  const row = await withUniqueName(
    () => db.project.update({ where: { id }, data: changes, include: projectInclude }),
    `This client already has a project named "${changes.name}".`,
  );
  return toProjectView(row);
}

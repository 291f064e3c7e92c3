import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { HourlyRate, Id, Name } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { projectInclude, toProjectView, type ProjectView } from "./project-view";

export const CreateProjectInput = z.object({
  clientId: Id,
  name: Name,
  hourlyRate: HourlyRate.nullish(),
  billableByDefault: z.boolean().default(true),
});
export type CreateProjectInput = z.input<typeof CreateProjectInput>;

export async function createProject(actor: Actor, input: CreateProjectInput): Promise<ProjectView> {
  assertCan(actor, "projects:write", "create projects");
  const data = parseInput(CreateProjectInput, input);
  const client = await db.client.findFirst({ where: { id: data.clientId, workspaceId: actor.workspaceId } });
  if (!client) throw invalidInput("Choose a client from this workspace.", { clientId: "is not a client in this workspace" });
  if (client.archived) throw invalidInput(`Client "${client.name}" is archived.`, { clientId: "is archived" });
  const row = await withUniqueName(
    () =>
      db.project.create({
        data: {
          workspaceId: actor.workspaceId,
          clientId: client.id,
          name: data.name,
          hourlyRate: data.hourlyRate ?? null,
          billableByDefault: data.billableByDefault,
        },
        include: projectInclude,
      }),
    `${client.name} already has a project named "${data.name}".`,
  );
  return toProjectView(row);
}

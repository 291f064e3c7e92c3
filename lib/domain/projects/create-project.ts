import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
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

/** Adds a project for a client. `tx`: a transaction to write in (a keyed call's), else one of its own. */
export async function createProject(actor: Actor, input: CreateProjectInput, tx?: DbTx): Promise<ProjectView> {
  assertCan(actor, "projects:write", "create projects");
  const data = parseInput(CreateProjectInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const client = await tx.client.findFirst({ where: { id: data.clientId, workspaceId: actor.workspaceId } });
    if (!client) throw invalidInput("Choose a client from this workspace.", { clientId: "is not a client in this workspace" });
    if (client.archived) throw invalidInput(`Client "${client.name}" is archived.`, { clientId: "is archived" });
    return withUniqueName(
      () =>
        tx.project.create({
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
  });
  return toProjectView(row);
}

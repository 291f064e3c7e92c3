import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { Email, Id, Name, OptionalText } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { toClientView, type ClientView } from "./client-view";

export const UpdateClientInput = z.object({
  id: Id,
  name: Name.optional(),
  email: Email.nullish().or(z.literal("").transform(() => null)),
  address: OptionalText(500).optional(),
  archived: z.boolean().optional(),
});
export type UpdateClientInput = z.input<typeof UpdateClientInput>;

export async function updateClient(actor: Actor, input: UpdateClientInput): Promise<ClientView> {
  assertCan(actor, "clients:write", "edit clients");
  const { id, ...changes } = parseInput(UpdateClientInput, input);
  const existing = await db.client.findFirst({ where: { id, workspaceId: actor.workspaceId } });
  if (!existing) throw notFound("Client");
  const row = await withUniqueName(
    () => db.client.update({ where: { id }, data: changes }),
    `A client named "${changes.name}" already exists.`,
  );
  return toClientView(row);
}

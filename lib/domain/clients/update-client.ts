import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound, parseInput } from "@/lib/domain/errors";
import { Id, Name } from "@/lib/domain/schemas";
import { ClientBillingFields, ClientEmail } from "./client-fields";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { toClientView, type ClientView } from "./client-view";

export const UpdateClientInput = z.object({
  id: Id,
  name: Name.optional(),
  email: ClientEmail.optional(),
  address: ClientBillingFields.address.optional(),
  taxId: ClientBillingFields.taxId.optional(),
  invoiceEmail: ClientBillingFields.invoiceEmail.optional(),
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

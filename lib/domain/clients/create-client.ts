import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { Name } from "@/lib/domain/schemas";
import { ClientBillingFields, ClientEmail } from "./client-fields";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { toClientView, type ClientView } from "./client-view";

export const CreateClientInput = z.object({
  name: Name,
  /** The client's contact email; invoices go here unless `invoiceEmail` is set. */
  email: ClientEmail,
  address: ClientBillingFields.address,
  taxId: ClientBillingFields.taxId,
  invoiceEmail: ClientBillingFields.invoiceEmail,
});
export type CreateClientInput = z.input<typeof CreateClientInput>;

/** Adds a client. `tx`: a transaction to write in (a keyed call's), else one of its own. */
export async function createClient(actor: Actor, input: CreateClientInput, tx?: DbTx): Promise<ClientView> {
  assertCan(actor, "clients:write", "create clients");
  const data = parseInput(CreateClientInput, input);
  const row = await inTransaction(tx, (tx) =>
    withUniqueName(
      () => tx.client.create({ data: { workspaceId: actor.workspaceId, name: data.name, email: data.email ?? null, address: data.address, taxId: data.taxId, invoiceEmail: data.invoiceEmail ?? null } }),
      `A client named "${data.name}" already exists.`,
    ),
  );
  return toClientView(row);
}

import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { parseInput } from "@/lib/domain/errors";
import { Email, Name, OptionalText } from "@/lib/domain/schemas";
import { withUniqueName } from "@/lib/domain/unique-violation";
import { toClientView, type ClientView } from "./client-view";

export const CreateClientInput = z.object({
  name: Name,
  /** Where invoices are sent. */
  email: Email.nullish().or(z.literal("").transform(() => null)),
  address: OptionalText(500),
});
export type CreateClientInput = z.input<typeof CreateClientInput>;

export async function createClient(actor: Actor, input: CreateClientInput): Promise<ClientView> {
  assertCan(actor, "clients:write", "create clients");
  const data = parseInput(CreateClientInput, input);
  const row = await withUniqueName(
    () => db.client.create({ data: { workspaceId: actor.workspaceId, name: data.name, email: data.email ?? null, address: data.address } }),
    `A client named "${data.name}" already exists.`,
  );
  return toClientView(row);
}

import { z } from "zod";
import { updateClient as updateClientInDomain } from "@/lib/domain/clients/update-client";
import { defineTool, UPDATING } from "../tool";
import { ClientOut } from "@/lib/integrations/wire-schemas";
import { idArg, nameArg } from "./args";

export const updateClient = defineTool({
  name: "update_client",
  title: "Update a client",
  description:
    "Changes a client's name, email, address or archived flag; fields left out stay as they are, null clears email or address. Archiving hides the client and its projects from lists and new time; it can be undone with archived false.",
  scope: "clients:write",
  permission: "clients:write",
  access: "write",
  input: z.object({
    client_id: idArg("the client", "list_clients"),
    name: nameArg.optional().describe("New name, unique in the workspace"),
    email: z.email().max(254).nullable().optional().describe("Where invoices are sent; null removes it"),
    address: z.string().max(500).nullable().optional().describe("Postal address printed on invoices; null removes it"),
    archived: z.boolean().optional().describe("true archives the client, false restores it"),
  }),
  output: z.object({ client: ClientOut }),
  annotations: UPDATING,
  run: async ({ actor }, input) => ({
    client: await updateClientInDomain(actor, { id: input.client_id, name: input.name, email: input.email, address: input.address, archived: input.archived }),
  }),
  render: ({ client }) => `Updated client ${client.name} (${client.id})${client.archived ? ", archived" : ""}.`,
});

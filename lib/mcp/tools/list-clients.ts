import { z } from "zod";
import { listClients as listClientsInDomain } from "@/lib/domain/clients/list-clients";
import { defineTool, READ_ONLY } from "../tool";
import { ClientOut } from "@/lib/integrations/wire-schemas";

export const listClients = defineTool({
  name: "list_clients",
  title: "List clients",
  description: "The workspace's clients (who invoices go to), with their ids for other tools. Archived clients only when include_archived is true.",
  scope: "clients:read",
  permission: "clients:read",
  access: "read",
  input: z.object({ include_archived: z.boolean().default(false).describe("Also list archived clients") }),
  output: z.object({ clients: z.array(ClientOut.extend({ project_count: z.number().int() })) }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) => ({ clients: await listClientsInDomain(actor, { includeArchived: input.include_archived }) }),
  render: (o) => (o.clients.length ? o.clients.map((c) => `${c.name} (${c.id})`).join("\n") : "No clients yet."),
});

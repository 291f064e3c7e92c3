/** Clients: who invoices go to. */
import { z } from "zod";
import { createClient as createClientInDomain } from "@/lib/domain/clients/create-client";
import { listClients as listClientsInDomain } from "@/lib/domain/clients/list-clients";
import { updateClient as updateClientInDomain } from "@/lib/domain/clients/update-client";
import { notFound } from "@/lib/domain/errors";
import { domainNamed } from "@/lib/integrations/wire";
import { ClientOut } from "@/lib/integrations/wire-schemas";
import { email, id, name, text } from "./fields";
import { defineOperation } from "./operation";

const ClientWithProjects = ClientOut.extend({ project_count: z.number().int().describe("How many active projects the client has") });

export const listClients = defineOperation({
  name: "list_clients",
  title: "List clients",
  description: "The workspace's clients (who invoices go to), with their ids for other operations. Archived clients only when include_archived is true.",
  scope: "clients:read", permission: "clients:read", effect: "read",
  input: z.object({ include_archived: z.boolean().default(false).describe("Also list archived clients") }),
  output: z.object({ clients: z.array(ClientWithProjects) }),
  run: async ({ actor }, input) => ({ clients: await listClientsInDomain(actor, domainNamed(input)) }),
});

export const getClient = defineOperation({
  name: "get_client",
  title: "Get a client",
  description: "One client, archived or not, with the number of its active projects.",
  scope: "clients:read", permission: "clients:read", effect: "read",
  input: z.object({ client_id: id("the client", "list_clients") }),
  output: z.object({ client: ClientWithProjects }),
  async run({ actor }, input) {
    const client = (await listClientsInDomain(actor, { includeArchived: true })).find((c) => c.id === input.client_id);
    if (!client) throw notFound("Client");
    return { client };
  },
});

export const createClient = defineOperation({
  name: "create_client",
  title: "Create a client",
  description: "Adds a client (someone you invoice). Names are unique in the workspace.",
  scope: "clients:write", permission: "clients:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    name: name.describe("The client's name, unique in the workspace"),
    email: email.nullable().optional().describe("The client's email; invoices go here unless invoice_email is set"),
    address: text(1_000).nullable().optional().describe("Billing address printed on invoices, one line per line (at most 8 lines, 500 characters)"),
    tax_id: text(40).nullable().optional().describe("The client's VAT/tax ID printed on invoices: letters, digits, spaces and - . /"),
    invoice_email: email.nullable().optional().describe("Where invoices and reminders go instead of email"),
  }),
  output: z.object({ client: ClientOut }),
  run: async ({ actor, tx }, input) => ({ client: await createClientInDomain(actor, domainNamed(input), tx) }),
});

export const updateClient = defineOperation({
  name: "update_client",
  title: "Update a client",
  description:
    "Changes a client's name, email, billing address, tax ID, invoice email or archived flag; fields left out stay as they are, null clears email, address, tax ID or invoice email. A sent invoice keeps the client details it was sent with. Archiving hides the client and its projects from lists and new time; it can be undone with archived false.",
  scope: "clients:write", permission: "clients:write", effect: "updating",
  input: z.object({
    client_id: id("the client", "list_clients"),
    name: name.optional().describe("New name, unique in the workspace"),
    email: email.nullable().optional().describe("The client's email; invoices go here unless invoice_email is set; null removes it"),
    address: text(1_000).nullable().optional().describe("Billing address printed on invoices, one line per line; null removes it"),
    tax_id: text(40).nullable().optional().describe("The client's VAT/tax ID printed on invoices; null removes it"),
    invoice_email: email.nullable().optional().describe("Where invoices and reminders go instead of email; null removes it"),
    archived: z.boolean().optional().describe("true archives the client, false restores it"),
  }),
  output: z.object({ client: ClientOut }),
  fieldNames: { id: "client_id" },
  run: async ({ actor }, { client_id, ...changes }) => ({ client: await updateClientInDomain(actor, { id: client_id, ...domainNamed(changes) }) }),
});

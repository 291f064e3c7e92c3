import { z } from "zod";
import { createClient } from "@/lib/domain/clients/create-client";
import { listClients } from "@/lib/domain/clients/list-clients";
import { updateClient } from "@/lib/domain/clients/update-client";
import { notFound } from "@/lib/domain/errors";
import { defineEndpoint } from "../endpoint";
import { QueryBoolean, ResourceId } from "../query";
import { ClientOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";

export const listClientsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/clients",
  operationId: "listClients",
  summary: "List clients",
  tag: "Clients",
  scope: "clients:read",
  permission: "clients:read",
  access: "read",
  query: z.strictObject({ include_archived: QueryBoolean.optional().describe("Also list archived clients") }),
  response: z.object({ data: z.array(ClientOut.extend({ project_count: z.number().int() })) }),
  handle: async ({ actor }, { query }) => ({ data: await listClients(actor, { includeArchived: query.include_archived ?? false }) }),
});

export const getClientEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/clients/{id}",
  operationId: "getClient",
  summary: "Get a client",
  description: "One client, archived or not, with the number of its active projects.",
  tag: "Clients",
  scope: "clients:read",
  permission: "clients:read",
  access: "read",
  params: z.strictObject({ id: ResourceId }),
  query: z.strictObject({}),
  response: ClientOut.extend({ project_count: z.number().int() }),
  async handle({ actor }, { params }) {
    const client = (await listClients(actor, { includeArchived: true })).find((c) => c.id === params.id);
    if (!client) throw notFound("Client");
    return client;
  },
});

const ClientFields = {
  name: z.string().min(1).max(120).describe("Unique in the workspace"),
  email: z.email().max(254).nullable().optional().describe("Where invoices are sent"),
  address: z.string().max(500).nullable().optional().describe("Postal address printed on invoices"),
};

export const createClientEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/clients",
  operationId: "createClient",
  summary: "Create a client",
  tag: "Clients",
  scope: "clients:write",
  permission: "clients:write",
  access: "write",
  body: z.strictObject(ClientFields),
  response: ClientOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) => requestFields("body", createClient(actor, body, tx)),
});

export const updateClientEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/clients/{id}",
  operationId: "updateClient",
  summary: "Change a client (name, email, address, archived)",
  tag: "Clients",
  scope: "clients:write",
  permission: "clients:write",
  access: "write",
  params: z.strictObject({ id: ResourceId }),
  body: z.strictObject({ ...ClientFields, name: ClientFields.name.optional(), archived: z.boolean().optional() }),
  response: ClientOut,
  handle: ({ actor }, { params, body }) => requestFields("body", updateClient(actor, { id: params.id, ...body })),
});

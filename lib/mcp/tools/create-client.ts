import { z } from "zod";
import { createClient as createClientInDomain } from "@/lib/domain/clients/create-client";
import { ADDITIVE, defineTool } from "../tool";
import { ClientOut } from "@/lib/integrations/wire-schemas";

export const createClient = defineTool({
  name: "create_client",
  title: "Create a client",
  description: "Adds a client (someone you invoice). Names are unique in the workspace. Accepts an idempotency_key for safe retries.",
  scope: "clients:write",
  permission: "clients:write",
  access: "write",
  input: z.object({
    name: z.string().min(1).max(120).describe("The client's name, unique in the workspace"),
    email: z.email().max(254).optional().describe("Where invoices are sent"),
    address: z.string().max(500).optional().describe("Postal address printed on invoices"),
  }),
  output: z.object({ client: ClientOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  run: async ({ actor, tx }, input) => ({ client: await createClientInDomain(actor, input, tx) }),
  render: ({ client }) => `Created client ${client.name} (${client.id}).`,
});

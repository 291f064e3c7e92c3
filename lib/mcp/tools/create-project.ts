import { z } from "zod";
import { createProject as createProjectInDomain } from "@/lib/domain/projects/create-project";
import { ADDITIVE, defineTool } from "../tool";
import { ProjectOut } from "@/lib/integrations/wire-schemas";
import { hourlyRateArg, idArg, nameArg } from "./args";

export const createProject = defineTool({
  name: "create_project",
  title: "Create a project",
  description:
    "Adds a project for a client (client_id from list_clients). Project names are unique per client. hourly_rate is minor units per hour; leave it out to let rate rules or the workspace default rate apply. Accepts an idempotency_key for safe retries.",
  scope: "projects:write",
  permission: "projects:write",
  access: "write",
  input: z.object({
    client_id: idArg("the client", "list_clients"),
    name: nameArg.describe("Project name, unique for the client"),
    hourly_rate: hourlyRateArg.optional(),
    billable_by_default: z.boolean().default(true).describe("Whether new time on the project is billable unless said otherwise (default true)"),
  }),
  output: z.object({ project: ProjectOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  run: async ({ actor, tx }, input) => ({
    project: await createProjectInDomain(actor, {
      clientId: input.client_id,
      name: input.name,
      hourlyRate: input.hourly_rate,
      billableByDefault: input.billable_by_default,
    }, tx),
  }),
  render: ({ project }) => `Created project ${project.name} for ${project.client.name} (${project.id}).`,
});

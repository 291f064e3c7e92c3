import { z } from "zod";
import { listProjects as listProjectsInDomain } from "@/lib/domain/projects/list-projects";
import { defineTool, READ_ONLY } from "../tool";
import { ProjectOut } from "@/lib/integrations/wire-schemas";
import { idArg } from "./args";

export const listProjects = defineTool({
  name: "list_projects",
  title: "List projects",
  description:
    "The workspace's projects, each with its client and ids for other tools (create_time_entry, create_task, list_time_entries, invoices). hourly_rate is the project's own rate in minor units per hour; null means rate rules or the workspace default rate apply. Filter by client_id (from list_clients). Archived projects, and projects of archived clients, are listed only when include_archived is true.",
  scope: "projects:read",
  permission: "projects:read",
  access: "read",
  input: z.object({
    client_id: idArg("a client", "list_clients").optional().describe("Only this client's projects (id from list_clients)"),
    include_archived: z.boolean().default(false).describe("Also list archived projects"),
  }),
  output: z.object({ projects: z.array(ProjectOut) }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) => ({
    projects: await listProjectsInDomain(actor, { clientId: input.client_id, includeArchived: input.include_archived }),
  }),
  render: ({ projects }) =>
    projects.length ? projects.map((p) => `${p.name} — ${p.client.name} (${p.id})${p.archived ? " [archived]" : ""}`).join("\n") : "No projects.",
});

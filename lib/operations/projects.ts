/** Projects: work for a client, with an optional own hourly rate. */
import { z } from "zod";
import { createProject as createProjectInDomain } from "@/lib/domain/projects/create-project";
import { listProjects as listProjectsInDomain } from "@/lib/domain/projects/list-projects";
import { updateProject as updateProjectInDomain } from "@/lib/domain/projects/update-project";
import { domainNamed } from "@/lib/integrations/wire";
import { ProjectOut } from "@/lib/integrations/wire-schemas";
import { hourlyRate, id, name } from "./fields";
import { defineOperation } from "./operation";

export const listProjects = defineOperation({
  name: "list_projects",
  title: "List projects",
  description:
    "The workspace's projects, by client then name, each with its client and the ids other operations take (create_time_entry, create_task, list_time_entries, invoices). hourly_rate is the project's own rate in minor units per hour; null means rate rules or the workspace default rate apply. Archived projects, and projects of archived clients, are listed only when include_archived is true.",
  scope: "projects:read", permission: "projects:read", effect: "read",
  input: z.object({
    client_id: id("a client", "list_clients").optional().describe("Only this client's projects (id from list_clients)"),
    include_archived: z.boolean().default(false).describe("Also list archived projects"),
  }),
  output: z.object({ projects: z.array(ProjectOut) }),
  run: async ({ actor }, input) => ({ projects: await listProjectsInDomain(actor, domainNamed(input)) }),
});

export const createProject = defineOperation({
  name: "create_project",
  title: "Create a project",
  description:
    "Adds a project for a client (client_id from list_clients). Project names are unique per client. hourly_rate is minor units per hour; leave it out to let rate rules or the workspace default rate apply.",
  scope: "projects:write", permission: "projects:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({
    client_id: id("the client", "list_clients"),
    name: name.describe("Project name, unique for the client"),
    hourly_rate: hourlyRate.nullable().optional().describe("Minor units (cents) per hour; leave out to let rate rules or the workspace default rate apply"),
    billable_by_default: z.boolean().default(true).describe("Whether new time on the project is billable unless said otherwise (default true)"),
  }),
  output: z.object({ project: ProjectOut }),
  run: async ({ actor, tx }, input) => ({ project: await createProjectInDomain(actor, domainNamed(input), tx) }),
});

export const updateProject = defineOperation({
  name: "update_project",
  title: "Update a project",
  description:
    "Changes a project's name, hourly rate (minor units per hour; null removes the project's own rate), billable default or archived flag; fields left out stay as they are. A new rate applies to time tracked from now on — existing entries keep the rate they were recorded at.",
  scope: "projects:write", permission: "projects:write", effect: "updating",
  input: z.object({
    project_id: id("the project", "list_projects"),
    name: name.optional().describe("New name, unique for the client"),
    hourly_rate: hourlyRate.nullable().optional().describe("Minor units per hour; null removes the project's own rate"),
    billable_by_default: z.boolean().optional().describe("Whether new time on the project is billable unless said otherwise"),
    archived: z.boolean().optional().describe("true archives the project (no new time), false restores it"),
  }),
  output: z.object({ project: ProjectOut }),
  fieldNames: { id: "project_id" },
  run: async ({ actor }, { project_id, ...changes }) => ({ project: await updateProjectInDomain(actor, { id: project_id, ...domainNamed(changes) }) }),
});

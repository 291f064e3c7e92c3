import { z } from "zod";
import { createProject } from "@/lib/domain/projects/create-project";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { updateProject } from "@/lib/domain/projects/update-project";
import { defineEndpoint } from "../endpoint";
import { QueryBoolean, ResourceId } from "../query";
import { ProjectOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { bodyId, HourlyRate, Name, queryId } from "./params";

export const listProjectsEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/projects",
  operationId: "listProjects",
  summary: "List projects",
  description:
    "Projects with their client, by client then name. hourly_rate is the project's own rate; null means rate rules or the workspace default apply. Archived projects, and projects of archived clients, only with include_archived=true.",
  tag: "Projects",
  scope: "projects:read",
  permission: "projects:read",
  access: "read",
  query: z.strictObject({
    client_id: queryId("this client's projects", "GET /api/v1/clients").optional(),
    include_archived: QueryBoolean.optional().describe("Also list archived projects"),
  }),
  response: z.object({ data: z.array(ProjectOut) }),
  handle: async ({ actor }, { query }) => ({
    data: await requestFields("query", listProjects(actor, { clientId: query.client_id, includeArchived: query.include_archived ?? false })),
  }),
});

export const createProjectEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/projects",
  operationId: "createProject",
  summary: "Create a project",
  description: "Adds a project for a client. Names are unique per client. Leave hourly_rate out to let rate rules or the workspace default rate apply.",
  tag: "Projects",
  scope: "projects:write",
  permission: "projects:write",
  access: "write",
  body: z.strictObject({
    client_id: bodyId("the client", "GET /api/v1/clients"),
    name: Name.describe("Unique for the client"),
    hourly_rate: HourlyRate.nullable().optional(),
    billable_by_default: z.boolean().optional().describe("Whether new time on the project is billable unless said otherwise (default true)"),
  }),
  response: ProjectOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) =>
    requestFields(
      "body",
      createProject(actor, { clientId: body.client_id, name: body.name, hourlyRate: body.hourly_rate, billableByDefault: body.billable_by_default }, tx),
    ),
});

export const updateProjectEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/projects/{id}",
  operationId: "updateProject",
  summary: "Change a project (name, rate, billable default, archived)",
  description: "Fields left out stay as they are. A new rate applies to time tracked from now on; existing entries keep the rate they were recorded at.",
  tag: "Projects",
  scope: "projects:write",
  permission: "projects:write",
  access: "write",
  params: z.strictObject({ id: ResourceId }),
  body: z.strictObject({
    name: Name.optional().describe("Unique for the client"),
    hourly_rate: HourlyRate.nullable().optional().describe("Minor units per hour; null removes the project's own rate"),
    billable_by_default: z.boolean().optional().describe("Whether new time on the project is billable unless said otherwise"),
    archived: z.boolean().optional().describe("true archives the project (no new time), false restores it"),
  }),
  response: ProjectOut,
  handle: ({ actor }, { params, body }) =>
    requestFields(
      "body",
      updateProject(actor, { id: params.id, name: body.name, hourlyRate: body.hourly_rate, billableByDefault: body.billable_by_default, archived: body.archived }),
    ),
});

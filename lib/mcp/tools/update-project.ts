import { z } from "zod";
import { updateProject as updateProjectInDomain } from "@/lib/domain/projects/update-project";
import { defineTool, UPDATING } from "../tool";
import { ProjectOut } from "@/lib/integrations/wire-schemas";
import { hourlyRateArg, idArg, nameArg } from "./args";

export const updateProject = defineTool({
  name: "update_project",
  title: "Update a project",
  description:
    "Changes a project's name, hourly rate (minor units per hour; null removes the project's own rate), billable default or archived flag; fields left out stay as they are. A new rate applies to time tracked from now on — existing entries keep the rate they were recorded at.",
  scope: "projects:write",
  permission: "projects:write",
  access: "write",
  input: z.object({
    project_id: idArg("the project", "list_projects"),
    name: nameArg.optional().describe("New name, unique for the client"),
    hourly_rate: hourlyRateArg.nullable().optional().describe("Minor units per hour; null removes the project's own rate"),
    billable_by_default: z.boolean().optional().describe("Whether new time on the project is billable unless said otherwise"),
    archived: z.boolean().optional().describe("true archives the project (no new time), false restores it"),
  }),
  output: z.object({ project: ProjectOut }),
  annotations: UPDATING,
  run: async ({ actor }, input) => ({
    project: await updateProjectInDomain(actor, {
      id: input.project_id,
      name: input.name,
      hourlyRate: input.hourly_rate,
      billableByDefault: input.billable_by_default,
      archived: input.archived,
    }),
  }),
  render: ({ project }) => `Updated project ${project.name} (${project.id})${project.archived ? ", archived" : ""}.`,
});

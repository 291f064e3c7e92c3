import { apiMethods } from "@/lib/api/api-methods";
import { createProjectEndpoint, listProjectsEndpoint } from "@/lib/api/endpoints/projects";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listProjectsEndpoint, POST: createProjectEndpoint });

import { apiMethods } from "@/lib/api/api-methods";
import { updateProjectEndpoint } from "@/lib/api/endpoints/projects";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: updateProjectEndpoint });

import { apiRoute } from "@/lib/api/api-route";
import { updateProjectEndpoint } from "@/lib/api/endpoints/projects";

export const dynamic = "force-dynamic";
export const PATCH = apiRoute(updateProjectEndpoint);

import { apiRoute } from "@/lib/api/api-route";
import { createProjectEndpoint, listProjectsEndpoint } from "@/lib/api/endpoints/projects";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listProjectsEndpoint);
export const POST = apiRoute(createProjectEndpoint);

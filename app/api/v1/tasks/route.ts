import { apiRoute } from "@/lib/api/api-route";
import { createTaskEndpoint, listTasksEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listTasksEndpoint);
export const POST = apiRoute(createTaskEndpoint);

import { apiRoute } from "@/lib/api/api-route";
import { updateTaskEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const PATCH = apiRoute(updateTaskEndpoint);

import { apiMethods } from "@/lib/api/api-methods";
import { createTaskEndpoint, listTasksEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listTasksEndpoint, POST: createTaskEndpoint });

import { apiMethods } from "@/lib/api/api-methods";
import { updateTaskEndpoint } from "@/lib/api/endpoints/tasks";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: updateTaskEndpoint });

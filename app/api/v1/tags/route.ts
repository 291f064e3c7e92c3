import { apiMethods } from "@/lib/api/api-methods";
import { createTagEndpoint, listTagsEndpoint } from "@/lib/api/endpoints/tags";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listTagsEndpoint, POST: createTagEndpoint });

import { apiMethods } from "@/lib/api/api-methods";
import { getClientEndpoint, updateClientEndpoint } from "@/lib/api/endpoints/clients";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: getClientEndpoint, PATCH: updateClientEndpoint });

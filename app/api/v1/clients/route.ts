import { apiMethods } from "@/lib/api/api-methods";
import { createClientEndpoint, listClientsEndpoint } from "@/lib/api/endpoints/clients";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listClientsEndpoint, POST: createClientEndpoint });

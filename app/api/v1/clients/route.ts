import { apiRoute } from "@/lib/api/api-route";
import { createClientEndpoint, listClientsEndpoint } from "@/lib/api/endpoints/clients";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listClientsEndpoint);
export const POST = apiRoute(createClientEndpoint);

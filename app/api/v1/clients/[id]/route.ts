import { apiRoute } from "@/lib/api/api-route";
import { getClientEndpoint, updateClientEndpoint } from "@/lib/api/endpoints/clients";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getClientEndpoint);
export const PATCH = apiRoute(updateClientEndpoint);

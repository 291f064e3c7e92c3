import { apiRoute } from "@/lib/api/api-route";
import { updateClientEndpoint } from "@/lib/api/endpoints/clients";

export const dynamic = "force-dynamic";
export const PATCH = apiRoute(updateClientEndpoint);

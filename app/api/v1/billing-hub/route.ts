import { apiRoute } from "@/lib/api/api-route";
import { billingHubEndpoint } from "@/lib/api/endpoints/reports";

export const dynamic = "force-dynamic";
export const GET = apiRoute(billingHubEndpoint);

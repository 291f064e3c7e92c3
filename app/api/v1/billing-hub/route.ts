import { apiMethods } from "@/lib/api/api-methods";
import { billingHubEndpoint } from "@/lib/api/endpoints/reports";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: billingHubEndpoint });

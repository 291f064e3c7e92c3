import { apiRoute } from "@/lib/api/api-route";
import { updateRuleEndpoint } from "@/lib/api/endpoints/rules";

export const dynamic = "force-dynamic";
export const PATCH = apiRoute(updateRuleEndpoint);

import { apiRoute } from "@/lib/api/api-route";
import { createRuleEndpoint, listRulesEndpoint } from "@/lib/api/endpoints/rules";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listRulesEndpoint);
export const POST = apiRoute(createRuleEndpoint);

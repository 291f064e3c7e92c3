import { apiMethods } from "@/lib/api/api-methods";
import { createRuleEndpoint, listRulesEndpoint } from "@/lib/api/endpoints/rules";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: listRulesEndpoint, POST: createRuleEndpoint });

import { apiMethods } from "@/lib/api/api-methods";
import { updateRuleEndpoint } from "@/lib/api/endpoints/rules";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ PATCH: updateRuleEndpoint });

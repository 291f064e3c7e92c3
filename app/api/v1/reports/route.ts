import { apiMethods } from "@/lib/api/api-methods";
import { runReportEndpoint } from "@/lib/api/endpoints/reports";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: runReportEndpoint });

import { apiRoute } from "@/lib/api/api-route";
import { runReportEndpoint } from "@/lib/api/endpoints/reports";

export const dynamic = "force-dynamic";
export const GET = apiRoute(runReportEndpoint);

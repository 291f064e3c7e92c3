import { apiRoute } from "@/lib/api/api-route";
import { billableCandidatesEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const GET = apiRoute(billableCandidatesEndpoint);

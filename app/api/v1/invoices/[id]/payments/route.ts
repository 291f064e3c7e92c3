import { apiRoute } from "@/lib/api/api-route";
import { recordPaymentEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const POST = apiRoute(recordPaymentEndpoint);

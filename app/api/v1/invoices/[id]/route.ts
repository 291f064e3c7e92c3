import { apiRoute } from "@/lib/api/api-route";
import { getInvoiceEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const GET = apiRoute(getInvoiceEndpoint);

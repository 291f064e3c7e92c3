import { apiRoute } from "@/lib/api/api-route";
import { voidInvoiceEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const POST = apiRoute(voidInvoiceEndpoint);

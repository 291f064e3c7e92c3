import { apiRoute } from "@/lib/api/api-route";
import { previewInvoiceEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const POST = apiRoute(previewInvoiceEndpoint);

import { apiRoute } from "@/lib/api/api-route";
import { createInvoiceEndpoint, listInvoicesEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const GET = apiRoute(listInvoicesEndpoint);
export const POST = apiRoute(createInvoiceEndpoint);

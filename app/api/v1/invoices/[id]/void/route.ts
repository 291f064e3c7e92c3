import { apiMethods } from "@/lib/api/api-methods";
import { voidInvoiceEndpoint } from "@/lib/api/endpoints/invoices";

export const dynamic = "force-dynamic";
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ POST: voidInvoiceEndpoint });

/** Response schemas shared by REST endpoints (snake_case wire shapes of the domain views). */
export { ClientOut, InvoiceDetailOut, InvoiceSummaryOut, Ref, TimeEntryOut } from "@/lib/mcp/wire-schemas";

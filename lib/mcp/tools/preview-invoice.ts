import { formatMoney } from "@/lib/domain/money";
import { previewInvoice as previewInvoiceInDomain } from "@/lib/domain/invoices/preview-invoice";
import { defineTool, READ_ONLY } from "../tool";
import { InvoicePlanOut } from "@/lib/integrations/wire-schemas";
import { InvoicePlanArgs, toInvoicePlanInput } from "./invoice-plan-args";

export const previewInvoice = defineTool({
  name: "preview_invoice",
  title: "Preview an invoice",
  description:
    "Shows the invoice create_invoice_draft would make from the same arguments, without creating anything: number, dates, lines (quantity in seconds × hourly unit_rate = amount), totals in minor units and the entries it would bill. Bill a client's unbilled billable time either between from and to (YYYY-MM-DD, inclusive, workspace time zone) or for explicit time_entry_ids — one or the other.",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  input: InvoicePlanArgs,
  output: InvoicePlanOut,
  annotations: READ_ONLY,
  run: ({ actor }, input) => previewInvoiceInDomain(actor, toInvoicePlanInput(input)),
  render: (p) =>
    `Preview (nothing created): ${p.next_label} for ${p.client.name}, ${p.lines.length} line${p.lines.length === 1 ? "" : "s"} from ${p.entries.length} entr${p.entries.length === 1 ? "y" : "ies"}, subtotal ${formatMoney(p.totals.subtotal, p.currency)}, total ${formatMoney(p.totals.total, p.currency)}; issued ${p.issue_date}, due ${p.due_date}.`,
});

import { z } from "zod";
import { getInvoice as getInvoiceInDomain } from "@/lib/domain/invoices/get-invoice";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, READ_ONLY } from "../tool";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { idArg } from "./args";

export const getInvoice = defineTool({
  name: "get_invoice",
  title: "Get an invoice",
  description:
    "One invoice in full: status, client, dates (YYYY-MM-DD, workspace time zone), lines (quantity in seconds × hourly unit_rate = amount), totals, payments and the messages it was sent with. Amounts are minor units (cents); tax_rate is basis points (2000 = 20%).",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  input: z.object({ invoice_id: idArg("an invoice", "list_invoices") }),
  output: z.object({ invoice: InvoiceDetailOut }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) => ({ invoice: await getInvoiceInDomain(actor, input.invoice_id) }),
  render: ({ invoice: i }) =>
    `${i.label} for ${i.client.name}: ${i.status}${i.overdue ? " (overdue)" : ""}, ${i.lines.length} line${i.lines.length === 1 ? "" : "s"}, total ${formatMoney(i.total, i.currency)}, paid ${formatMoney(i.amount_paid, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}; issued ${i.issue_date}, due ${i.due_date}.`,
});

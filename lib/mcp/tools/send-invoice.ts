import { z } from "zod";
import { checkInvoiceSend } from "@/lib/domain/invoices/check-consequential";
import { sendInvoice as sendInvoiceInDomain } from "@/lib/domain/invoices/send-invoice";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, DESTRUCTIVE } from "../tool";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";

export const sendInvoice = defineTool({
  name: "send_invoice",
  title: "Send an invoice",
  description:
    "Marks a draft invoice as sent to the client (Hourbook keeps the rendered message in its outbox). Consequential: the first call only returns a summary and a confirmation_token; confirm with the user, then call again with the token.",
  scope: "invoices:send",
  permission: "invoices:send",
  access: "write",
  input: z.object({
    invoice_id: z.string().min(1).max(64).describe("Id of a draft invoice (see list_invoices)"),
    to: z.email().max(254).optional().describe("Recipient; defaults to the client's email address"),
    message: z.string().max(2000).optional().describe("A personal note above the invoice"),
  }),
  output: z.object({ invoice: InvoiceDetailOut }),
  annotations: { ...DESTRUCTIVE, destructiveHint: false },
  async confirm({ actor }, input) {
    // The dry run refuses now what sending would refuse (not a draft, no address, no lines).
    const check = await checkInvoiceSend(actor, { id: input.invoice_id, to: input.to, message: input.message });
    return `Send invoice ${check.label}, ${formatMoney(check.total, check.currency)}, to ${check.clientName} <${check.to}>`;
  },
  run: async ({ actor }, input) => ({ invoice: await sendInvoiceInDomain(actor, { id: input.invoice_id, to: input.to, message: input.message }) }),
  render: ({ invoice }) => `Sent ${invoice.label} (${formatMoney(invoice.total, invoice.currency)}) to ${invoice.client.name}.`,
});

import { z } from "zod";
import { checkInvoiceVoid } from "@/lib/domain/invoices/check-consequential";
import { voidInvoice as voidInvoiceInDomain } from "@/lib/domain/invoices/void-invoice";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, DESTRUCTIVE } from "../tool";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { idArg } from "./args";

export const voidInvoice = defineTool({
  name: "void_invoice",
  title: "Void an invoice",
  description:
    "Voids a draft or sent invoice that has no payments: it keeps its number, owes nothing, and its time entries become unbilled again (ready for a new invoice). Cannot be undone. Administrative and consequential: needs the hourbook:admin scope, and the first call only returns a summary and a confirmation_token; confirm with the user, then call again with the same arguments and the token.",
  scope: "hourbook:admin",
  permission: "invoices:void",
  access: "admin",
  input: z.object({ invoice_id: idArg("the invoice", "list_invoices") }),
  output: z.object({ invoice: InvoiceDetailOut }),
  annotations: DESTRUCTIVE,
  async confirm({ actor }, input) {
    // The dry run refuses now what voiding would refuse (already void, payments recorded).
    const check = await checkInvoiceVoid(actor, { id: input.invoice_id });
    return `Void invoice ${check.label}, ${formatMoney(check.total, check.currency)}, for ${check.clientName} — its time becomes billable again`;
  },
  run: async ({ actor }, input) => ({ invoice: await voidInvoiceInDomain(actor, { id: input.invoice_id }) }),
  render: ({ invoice: i }) => `Voided ${i.label} (${formatMoney(i.total, i.currency)}, ${i.client.name}); its time is unbilled again.`,
});

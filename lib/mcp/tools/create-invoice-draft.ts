import { z } from "zod";
import { createInvoiceDraft as createInvoiceDraftInDomain } from "@/lib/domain/invoices/create-invoice-draft";
import { formatMoney } from "@/lib/domain/money";
import { ADDITIVE, defineTool } from "../tool";
import { InvoiceDetailOut } from "@/lib/integrations/wire-schemas";
import { InvoicePlanArgs, toInvoicePlanInput } from "./invoice-plan-args";

export const createInvoiceDraft = defineTool({
  name: "create_invoice_draft",
  title: "Create a draft invoice",
  description:
    "Creates a draft invoice for a client and reserves the billed time for it, so it cannot be invoiced twice. Bill the client's unbilled billable time either between from and to (YYYY-MM-DD, inclusive, workspace time zone) or for explicit time_entry_ids (from find_billable_candidates) — one or the other. Lines are per project (or per project and task) at each rate, priced after billing rules; tax_rate is basis points; amounts come back in minor units. Call preview_invoice first with the same arguments to check. A draft is not sent: use send_invoice, or void_invoice to release its time. Accepts an idempotency_key for safe retries.",
  scope: "invoices:write",
  permission: "invoices:write",
  access: "write",
  input: InvoicePlanArgs,
  output: z.object({ invoice: InvoiceDetailOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  run: async ({ actor, tx }, input) => ({ invoice: await createInvoiceDraftInDomain(actor, toInvoicePlanInput(input), tx) }),
  render: ({ invoice: i }) =>
    `Created draft ${i.label} for ${i.client.name}: ${i.lines.length} line${i.lines.length === 1 ? "" : "s"}, total ${formatMoney(i.total, i.currency)}, due ${i.due_date} (${i.id}). It has not been sent.`,
});

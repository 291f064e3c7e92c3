/**
 * The input preview_invoice and create_invoice_draft share, so a preview and the draft made
 * from the same input are the same invoice.
 */
import { z } from "zod";
import { invalidInput } from "@/lib/domain/errors";
import type { InvoicePlanInput } from "@/lib/domain/invoices/plan-invoice";
import { date, id, idList, text } from "./fields";

/** Up to two named taxes, as preview_invoice, create_invoice_draft and update_invoice_draft take them. */
export const invoiceTaxes = z
  .array(
    z.strictObject({
      label: z.string().min(1).max(40).describe("As printed: VAT, GST, Sales tax…"),
      rate: z.int().min(0).max(10_000).describe("Basis points: 2000 = 20%, 825 = 8.25%"),
    }),
  )
  .max(2)
  .describe("At most two named taxes (e.g. GST 5% and PST 7%), each computed on subtotal − discount and rounded once, half away from zero");

/** A discount: a rate or a fixed amount, never both. */
export const invoiceDiscount = z
  .strictObject({
    label: z.string().min(1).max(40).optional().describe('As printed (default "Discount")'),
    rate: z.int().min(0).max(10_000).optional().describe("Basis points off the subtotal: 1000 = 10%"),
    amount: z.int().min(0).max(100_000_000_00).optional().describe("Minor units (cents) off the subtotal; at most the subtotal"),
  })
  .describe("Taken off the subtotal before tax: give rate or amount, not both");

export const taxNote = text(500).describe("Printed under the taxes: a reverse-charge or exemption statement");

export const InvoicePlanFields = z.object({
  client_id: id("the client to invoice", "list_clients"),
  from: date("Bill unbilled billable time from this day").optional(),
  to: date("…up to and including this day").optional(),
  time_entry_ids: z
    .array(z.string().min(1).max(64))
    .min(1)
    .max(5_000)
    .optional()
    .describe("Instead of from/to: exactly these unbilled billable entries of the client (ids from find_billable_candidates or list_time_entries)"),
  project_ids: idList("projects", "list_projects", 50).optional().describe("Only time on these projects (ids from list_projects)"),
  grouping: z.enum(["project", "task"]).default("project").describe("One line per project (default) or per project and task"),
  issue_date: date("Issue date (default today)").optional(),
  due_date: date("Due date (default: issue date + the workspace's payment terms)").optional(),
  taxes: invoiceTaxes.optional(),
  tax_rate: z
    .int()
    .min(0)
    .max(10_000)
    .optional()
    .describe("Older form of taxes: one tax labelled \"Tax\", in basis points (2000 = 20%). Not together with taxes"),
  discount: invoiceDiscount.optional(),
  tax_note: taxNote.default(""),
  notes: text(2_000).default("").describe("Printed on the invoice"),
});
export type InvoicePlanFields = z.output<typeof InvoicePlanFields>;

export function toInvoicePlanInput(args: InvoicePlanFields): InvoicePlanInput {
  const range = args.from !== undefined || args.to !== undefined;
  if (range && args.time_entry_ids) {
    throw invalidInput("Give either a date range (from and to) or time_entry_ids, not both.", { time_entry_ids: "cannot be combined with from/to" });
  }
  if (!args.time_entry_ids && !(args.from && args.to)) {
    throw invalidInput("Give a date range (both from and to) or time_entry_ids.", { from: "from and to are both required without time_entry_ids" });
  }
  return {
    clientId: args.client_id,
    from: args.from,
    to: args.to,
    entryIds: args.time_entry_ids,
    projectIds: args.project_ids,
    grouping: args.grouping,
    issueDate: args.issue_date,
    dueDate: args.due_date,
    taxes: args.taxes,
    taxRate: args.tax_rate,
    discount: args.discount,
    taxNote: args.tax_note,
    notes: args.notes,
  };
}

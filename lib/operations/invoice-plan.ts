/**
 * The input preview_invoice and create_invoice_draft share, so a preview and the draft made
 * from the same input are the same invoice.
 */
import { z } from "zod";
import { invalidInput } from "@/lib/domain/errors";
import type { InvoicePlanInput } from "@/lib/domain/invoices/plan-invoice";
import { date, id, idList, text } from "./fields";

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
  tax_rate: z.int().min(0).max(10_000).default(0).describe("Tax in basis points: 2000 = 20% (default 0)"),
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
    taxRate: args.tax_rate,
    notes: args.notes,
  };
}

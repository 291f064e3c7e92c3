import { z } from "zod";
import { listInvoices as listInvoicesInDomain } from "@/lib/domain/invoices/list-invoices";
import { formatMoney } from "@/lib/domain/money";
import { defineTool, READ_ONLY } from "../tool";
import { InvoiceSummaryOut } from "@/lib/integrations/wire-schemas";
import { cursorArg, idArg, limitArg } from "./args";

export const listInvoices = defineTool({
  name: "list_invoices",
  title: "List invoices",
  description:
    "Invoices, newest number first, one page at a time (when next_cursor is not null, call again with cursor set to it). Filter by status (draft, sent, paid, void) and client_id (from list_clients). Amounts are minor units (cents) of the invoice currency; dates are YYYY-MM-DD in the workspace's time zone; overdue means sent and past its due date. Use get_invoice for lines, payments and deliveries.",
  scope: "invoices:read",
  permission: "invoices:read",
  access: "read",
  input: z.object({
    status: z.enum(["draft", "sent", "paid", "void"]).optional().describe("Only invoices with this status"),
    client_id: idArg("a client", "list_clients").optional(),
    cursor: cursorArg.optional(),
    limit: limitArg,
  }),
  output: z.object({
    invoices: z.array(InvoiceSummaryOut),
    next_cursor: z.string().nullable().describe("Pass as cursor for the next page; null on the last page"),
  }),
  annotations: READ_ONLY,
  run: async ({ actor }, input) =>
    listInvoicesInDomain(actor, { status: input.status, clientId: input.client_id, cursor: input.cursor, limit: input.limit }),
  render: ({ invoices, next_cursor }) => {
    if (!invoices.length) return "No invoices match.";
    const lines = invoices.map(
      (i) =>
        `${i.label} ${i.client.name} — ${i.status}${i.overdue ? " (overdue)" : ""}, ${formatMoney(i.total, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}, due ${i.due_date} (${i.id})`,
    );
    return [...lines, ...(next_cursor ? [`More invoices: call again with cursor "${next_cursor}".`] : [])].join("\n");
  },
});

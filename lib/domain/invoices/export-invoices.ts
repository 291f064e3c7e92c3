import type { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { CSV_PAGE_SIZE, csvMoney, type CsvExport, type CsvValue } from "@/lib/domain/csv/csv";
import { parseInput } from "@/lib/domain/errors";
import { checkFilterIds } from "@/lib/domain/workspaces/check-filter-ids";
import { invoiceSummaryInclude, toInvoiceSummary, type InvoiceSummary } from "./invoice-view";
import { ListInvoicesInput } from "./list-invoices";

/** The invoice list's filters, without paging. */
export const ExportInvoicesInput = ListInvoicesInput.omit({ cursor: true, limit: true });
export type ExportInvoicesInput = z.input<typeof ExportInvoicesInput>;

/**
 * The invoices and credit notes the filters match, newest number first as listInvoices orders
 * them, as CSV: label, kind, status, client, issue and due dates (calendar dates, workspace
 * time zone), currency, and subtotal, discount, tax, total, paid, credited, balance due and
 * refund due as decimals. Read `pageSize` at a time with a keyset cursor on (number, id) as
 * the stream is pulled; the permission and filters are checked now.
 * @throws forbidden without invoices:read; invalidInput for a bad filter (a client id not of this workspace among them).
 */
export async function exportInvoices(actor: Actor, input: ExportInvoicesInput = {}, options: { pageSize?: number } = {}): Promise<CsvExport> {
  assertCan(actor, "invoices:read", "export invoices");
  const { status, kind, clientId } = parseInput(ExportInvoicesInput, input);
  await checkFilterIds(actor, { clientId });
  const where = { workspaceId: actor.workspaceId, ...(status ? { status } : {}), ...(kind ? { kind } : {}), ...(clientId ? { clientId } : {}) };
  const pageSize = options.pageSize ?? CSV_PAGE_SIZE;

  async function* pages(): AsyncGenerator<CsvValue[][]> {
    let after: { number: number; id: string } | null = null;
    for (;;) {
      const page: Prisma.InvoiceGetPayload<{ include: typeof invoiceSummaryInclude }>[] = await db.invoice.findMany({
        where: after ? { AND: [where, { OR: [{ number: { lt: after.number } }, { number: after.number, id: { lt: after.id } }] }] } : where,
        include: invoiceSummaryInclude,
        orderBy: [{ number: "desc" }, { id: "desc" }],
        take: pageSize,
      });
      if (page.length === 0) return;
      yield page.map((row) => record(toInvoiceSummary(row)));
      const last = page.at(-1);
      if (page.length < pageSize || !last) return;
      after = { number: last.number, id: last.id };
    }
  }

  return {
    fileName: `invoices${status ? `-${status}` : ""}${kind ? `-${kind}` : ""}.csv`,
    header: ["Number", "Kind", "Status", "Client", "Issue date", "Due date", "Currency", "Subtotal", "Discount", "Tax", "Total", "Paid", "Credited", "Balance due", "Refund due", "Overdue"],
    pages: pages(),
  };
}

function record(invoice: InvoiceSummary): CsvValue[] {
  return [
    invoice.label,
    invoice.kind === "credit_note" ? "credit note" : "invoice",
    invoice.status,
    invoice.client.name,
    invoice.issueDate,
    invoice.dueDate,
    invoice.currency,
    csvMoney(invoice.subtotal),
    csvMoney(invoice.discountAmount),
    csvMoney(invoice.taxAmount),
    csvMoney(invoice.total),
    csvMoney(invoice.amountPaid),
    csvMoney(invoice.amountCredited),
    csvMoney(invoice.balanceDue),
    csvMoney(invoice.refundDue),
    invoice.overdue,
  ];
}

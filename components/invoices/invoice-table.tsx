import Link from "next/link";
import { Table, Td } from "@/components/ui/table";
import { formatIsoDate } from "@/lib/domain/dates";
import type { InvoiceSummary } from "@/lib/domain/invoices/invoice-view";
import { formatMoney } from "@/lib/domain/money";
import { creditedState, InvoiceStatusBadge } from "./invoice-status-badge";

/** Invoices and credit notes (negative totals) with their dates, total and what is still owed, or owed back. */
export function InvoiceTable({ invoices, basePath, caption = "Invoices" }: { invoices: InvoiceSummary[]; basePath: string; caption?: string }) {
  return (
    <Table
      caption={caption}
      columns={["Invoice", "Client", "Status", "Issued", "Due", { label: "Total", align: "right" }, { label: "Paid", align: "right" }, { label: "Outstanding", align: "right" }]}
    >
      {invoices.map((invoice) => {
        const money = (amount: number) => formatMoney(amount, invoice.currency);
        return (
          <tr key={invoice.id} className="hover:bg-slate-50">
            <Td className="font-medium">
              <Link href={`${basePath}/${invoice.id}`} className="text-indigo-700 hover:underline">
                {invoice.label}
              </Link>
              {invoice.kind === "credit_note" ? <span className="ml-2 text-xs font-normal text-slate-500">credit note</span> : null}
            </Td>
            <Td>{invoice.client.name}</Td>
            <Td>
              <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} credited={creditedState(invoice)} />
            </Td>
            <Td className="whitespace-nowrap">{formatIsoDate(invoice.issueDate, "d MMM yyyy")}</Td>
            <Td className={invoice.overdue ? "whitespace-nowrap font-medium text-rose-700" : "whitespace-nowrap"}>{formatIsoDate(invoice.dueDate, "d MMM yyyy")}</Td>
            <Td align="right" className={invoice.status === "void" ? "text-slate-500 line-through" : "font-medium text-slate-900"}>
              {money(invoice.total)}
            </Td>
            <Td align="right">{invoice.amountPaid ? money(invoice.amountPaid) : "—"}</Td>
            <Td align="right" className={invoice.balanceDue ? "font-medium text-slate-900" : "text-slate-500"}>
              {invoice.status === "draft" ? (
                <span className="text-slate-500">not sent</span>
              ) : invoice.balanceDue ? (
                money(invoice.balanceDue)
              ) : invoice.refundDue ? (
                <span className="font-medium text-amber-700">refund due {money(invoice.refundDue)}</span>
              ) : (
                "—"
              )}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

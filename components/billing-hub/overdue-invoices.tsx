import Link from "next/link";
import { Table, Td } from "@/components/ui/table";
import { formatIsoDate } from "@/lib/domain/dates";
import type { InvoiceSummary } from "@/lib/domain/invoices/invoice-view";
import { formatMoney } from "@/lib/domain/money";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Sent invoices past their due date, oldest due first, with how late they are. */
export function OverdueInvoices({ invoices, today, invoicesPath }: { invoices: InvoiceSummary[]; today: string; invoicesPath: string }) {
  return (
    <Table caption="Overdue invoices" columns={["Invoice", "Client", "Due", { label: "Outstanding", align: "right" }]}>
      {invoices.map((invoice) => {
        const late = daysBetween(invoice.dueDate, today);
        return (
          <tr key={invoice.id}>
            <Td className="font-medium">
              <Link href={`${invoicesPath}/${invoice.id}`} className="text-indigo-700 hover:underline">
                {invoice.label}
              </Link>
            </Td>
            <Td>{invoice.client.name}</Td>
            <Td className="whitespace-nowrap">
              {formatIsoDate(invoice.dueDate, "d MMM yyyy")}
              <span className="ml-2 text-xs font-medium text-rose-700">
                {late} {late === 1 ? "day" : "days"} late
              </span>
            </Td>
            <Td align="right" className="font-medium text-slate-900">
              {formatMoney(invoice.balanceDue, invoice.currency)}
            </Td>
          </tr>
        );
      })}
    </Table>
  );
}

import Link from "next/link";
import { When } from "@/components/integrations/when";
import { Table, Td } from "@/components/ui/table";
import { formatIsoDate } from "@/lib/domain/dates";
import type { InvoiceSummary } from "@/lib/domain/invoices/invoice-view";
import { formatMoney } from "@/lib/domain/money";
import type { ActionState } from "@/lib/web/action-state";
import { RemindButton } from "./remind-button";

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * Sent invoices past their due date, oldest due first, with how late they are, when the last
 * reminder went, and (for those who may send) a "Send reminder" button each.
 */
export function OverdueInvoices({
  invoices,
  today,
  invoicesPath,
  lastReminders,
  timeZone,
  remind,
}: {
  invoices: InvoiceSummary[];
  today: string;
  invoicesPath: string;
  /** Invoice id → when its last reminder went. */
  lastReminders: ReadonlyMap<string, Date>;
  timeZone: string;
  /** The reminder action; null when the viewer may not send reminders. */
  remind: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
}) {
  return (
    <Table
      caption="Overdue invoices"
      columns={["Invoice", "Client", "Due", "Last reminder", { label: "Outstanding", align: "right" }, ...(remind ? [{ label: "Remind", align: "right" as const }] : [])]}
    >
      {invoices.map((invoice) => {
        const late = daysBetween(invoice.dueDate, today);
        const lastReminder = lastReminders.get(invoice.id);
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
            <Td className="whitespace-nowrap text-slate-600" data-testid={`last-reminder-${invoice.label}`}>
              {lastReminder ? <When at={lastReminder} timeZone={timeZone} date /> : "None yet"}
            </Td>
            <Td align="right" className="font-medium text-slate-900">
              {formatMoney(invoice.balanceDue, invoice.currency)}
            </Td>
            {remind ? (
              <Td align="right">
                <RemindButton action={remind} invoiceId={invoice.id} label={invoice.label} />
              </Td>
            ) : null}
          </tr>
        );
      })}
    </Table>
  );
}

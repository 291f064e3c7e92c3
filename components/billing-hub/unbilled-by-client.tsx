import { ButtonLink } from "@/components/ui/button";
import { Table, Td } from "@/components/ui/table";
import { formatIsoDate, localDateOf } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import type { BillingHubSummary } from "@/lib/domain/reports/get-billing-hub-summary";

/** Work done but not yet invoiced, one row per client, each with a way to invoice it. */
export function UnbilledByClient({
  rows,
  currency,
  timeZone,
  newInvoicePath,
  canInvoice,
}: {
  rows: BillingHubSummary["unbilledByClient"];
  currency: string;
  timeZone: string;
  newInvoicePath: string;
  canInvoice: boolean;
}) {
  return (
    <Table
      caption="Unbilled time per client"
      columns={["Client", { label: "Entries", align: "right" }, { label: "Billable hours", align: "right" }, "Oldest entry", { label: "Amount", align: "right" }]}
      actions={canInvoice}
    >
      {rows.map((row) => (
        <tr key={row.client.id}>
          <Td className="font-medium text-slate-900">{row.client.name}</Td>
          <Td align="right">{row.entryCount}</Td>
          <Td align="right">{formatDuration(row.billableSeconds)}</Td>
          <Td className="whitespace-nowrap">{formatIsoDate(localDateOf(row.oldest, timeZone), "d MMM yyyy")}</Td>
          <Td align="right" className="font-medium text-slate-900">
            {formatMoney(row.amount, currency)}
          </Td>
          {canInvoice ? (
            <Td align="right">
              <ButtonLink size="sm" variant="secondary" className="whitespace-nowrap" href={`${newInvoicePath}?clientId=${encodeURIComponent(row.client.id)}`} aria-label={`Create invoice for ${row.client.name}`}>
                Create invoice
              </ButtonLink>
            </Td>
          ) : null}
        </tr>
      ))}
    </Table>
  );
}

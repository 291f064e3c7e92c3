import { Table, Td } from "@/components/ui/table";
import { isFixedAmountLine } from "@/lib/domain/billing/invoice-lines";
import { formatHours } from "@/lib/domain/durations";
import type { InvoiceDiscount, InvoiceTax } from "@/lib/domain/billing/invoice-adjustments";
import { discountLabel, formatRate } from "@/lib/domain/invoices/render-invoice-message";
import { formatMoney } from "@/lib/domain/money";

export interface LineRow {
  key: string;
  description: string;
  quantitySeconds: number;
  unitRate: number;
  amount: number;
}

/** Invoice lines with subtotal, discount, each tax by label and rate, the tax note and the total, as the domain computed them. */
export function InvoiceLinesTable({
  lines,
  totals,
  taxes,
  discount,
  taxNote,
  currency,
  totalTestId,
}: {
  lines: LineRow[];
  totals: { subtotal: number; discountAmount: number; total: number };
  taxes: readonly InvoiceTax[];
  discount: InvoiceDiscount | null;
  taxNote: string;
  currency: string;
  totalTestId: string;
}) {
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <Table
      caption="Invoice lines"
      columns={[
        { label: "Description", className: "pl-0" },
        { label: "Quantity", align: "right" },
        { label: "Rate", align: "right" },
        { label: "Amount", align: "right", className: "pr-0" },
      ]}
      footer={
        <tfoot className="text-sm">
          <tr className="border-t border-slate-200">
            <Td colSpan={3} align="right" className="text-slate-500">
              Subtotal
            </Td>
            <Td align="right" className="pr-0" data-testid={`${totalTestId}-subtotal`}>
              {money(totals.subtotal)}
            </Td>
          </tr>
          {discount ? (
            <tr>
              <Td colSpan={3} align="right" className="text-slate-500">
                {discountLabel(discount)}
              </Td>
              <Td align="right" className="pr-0" data-testid={`${totalTestId}-discount`}>
                −{money(Math.abs(totals.discountAmount))}
              </Td>
            </tr>
          ) : null}
          {taxes.map((tax, i) => (
            <tr key={tax.label}>
              <Td colSpan={3} align="right" className="text-slate-500">
                {tax.label} ({formatRate(tax.rate)})
              </Td>
              <Td align="right" className="pr-0" data-testid={`${totalTestId}-tax-${i + 1}`}>
                {money(tax.amount)}
              </Td>
            </tr>
          ))}
          {taxNote ? (
            <tr>
              <Td colSpan={4} align="right" className="pr-0 text-xs italic text-slate-500" data-testid={`${totalTestId}-tax-note`}>
                {taxNote}
              </Td>
            </tr>
          ) : null}
          <tr>
            <Td colSpan={3} align="right" className="font-semibold text-slate-900">
              Total
            </Td>
            <Td align="right" className="pr-0 text-base font-semibold text-slate-900" data-testid={totalTestId}>
              {money(totals.total)}
            </Td>
          </tr>
        </tfoot>
      }
    >
      {lines.map((line) => (
        <tr key={line.key}>
          <Td className="pl-0 font-medium text-slate-900">{line.description}</Td>
          <Td align="right">{isFixedAmountLine(line) ? "" : formatHours(line.quantitySeconds)}</Td>
          <Td align="right">{isFixedAmountLine(line) ? "" : `${money(line.unitRate)}/h`}</Td>
          <Td align="right" className="pr-0 text-slate-900">
            {money(line.amount)}
          </Td>
        </tr>
      ))}
    </Table>
  );
}

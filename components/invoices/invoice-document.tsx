import { formatIsoDate, formatPeriod } from "@/lib/domain/dates";
import type { InvoiceDetail } from "@/lib/domain/invoices/invoice-view";
import { formatMoney } from "@/lib/domain/money";
import { paymentMethodLabel } from "@/lib/web/invoice-status";
import { InvoiceLinesTable } from "./invoice-lines-table";
import { creditedState, InvoiceStatusBadge } from "./invoice-status-badge";

const date = (iso: string) => formatIsoDate(iso, "d MMM yyyy");

/** Free text kept one line per line (addresses, payment instructions). */
function Lines({ text, className }: { text: string; className?: string }) {
  return text ? <p className={`whitespace-pre-line ${className ?? ""}`}>{text}</p> : null;
}

/**
 * The invoice as the client would read it, with what the PDF prints: the seller and buyer (frozen
 * when sent), dates and period, lines, taxes, payments, what is still due, payment instructions
 * and notes. `logoUrl`: where the seller's logo is served, or null for none.
 */
export function InvoiceDocument({ invoice, logoUrl }: { invoice: InvoiceDetail; logoUrl: string | null }) {
  const { seller, buyer } = invoice;
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  return (
    <article aria-label={`Invoice ${invoice.label}`} className="rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <div className="flex flex-wrap items-start justify-between gap-4 border-b border-slate-100 px-5 sm:px-8 py-6">
        <div>
          <p className="text-xs font-semibold uppercase tracking-widest text-slate-500">{invoice.kind === "credit_note" ? "Credit note" : "Invoice"}</p>
          <p className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">{invoice.label}</p>
        </div>
        <div className="flex items-start gap-4">
          {logoUrl ? (
            // A plain img: the stored upload is served as is by our own route (next/image would only resize a small logo).
            <img src={logoUrl} alt={`${seller.name} logo`} className="max-h-14 max-w-40 object-contain" data-testid="invoice-logo" />
          ) : null}
          <InvoiceStatusBadge status={invoice.status} overdue={invoice.overdue} credited={creditedState(invoice)} />
        </div>
      </div>

      <div className="grid gap-6 px-5 sm:px-8 py-6 text-sm sm:grid-cols-[1fr_1fr_auto]">
        <div data-testid="invoice-seller">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">From</p>
          <p className="mt-1 font-medium text-slate-900">{seller.name}</p>
          <Lines text={seller.address} className="text-slate-700" />
          {seller.taxId ? <p className="text-slate-700">VAT/Tax ID {seller.taxId}</p> : null}
          {seller.email ? <p className="text-slate-500">{seller.email}</p> : null}
        </div>
        <div data-testid="invoice-buyer">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Bill to</p>
          <p className="mt-1 font-medium text-slate-900">{buyer.name}</p>
          <Lines text={buyer.address} className="text-slate-700" />
          {buyer.taxId ? <p className="text-slate-700">VAT/Tax ID {buyer.taxId}</p> : null}
          {buyer.email ? <p className="text-slate-500">{buyer.email}</p> : null}
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1">
          <dt className="text-slate-500">Issued</dt>
          <dd className="text-right font-medium text-slate-900 tabular-nums">{date(invoice.issueDate)}</dd>
          <dt className="text-slate-500">Due</dt>
          <dd className={`text-right font-medium tabular-nums ${invoice.overdue ? "text-rose-700" : "text-slate-900"}`}>{date(invoice.dueDate)}</dd>
          {invoice.periodStart && invoice.periodEnd ? (
            <>
              <dt className="text-slate-500">Period</dt>
              <dd className="whitespace-nowrap text-right text-slate-700 tabular-nums">{formatPeriod(invoice.periodStart, invoice.periodEnd)}</dd>
            </>
          ) : null}
        </dl>
      </div>

      <div className="px-5 sm:px-8 pb-2">
        <InvoiceLinesTable
          lines={invoice.lines.map((line) => ({ ...line, key: line.id }))}
          totals={invoice}
          taxes={invoice.taxes}
          discount={invoice.discount}
          taxNote={invoice.taxNote}
          currency={invoice.currency}
          totalTestId="invoice-total"
        />
      </div>

      <div className="px-5 sm:px-8 pb-6 pt-2 text-sm">
        <div className="border-t border-slate-200 pt-3">
          {invoice.payments.length ? (
            <table className="w-full">
              <caption className="sr-only">Payments</caption>
              <tbody>
                {invoice.payments.map((payment) => (
                  <tr key={payment.id}>
                    <th scope="row" className="py-1 text-right font-normal text-slate-500">
                      Paid {date(payment.paidOn)} · {paymentMethodLabel(payment.method)}
                      {payment.reference ? ` · ${payment.reference}` : ""}
                    </th>
                    <td className="w-36 py-1 text-right tabular-nums text-emerald-700">−{money(payment.amount)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {invoice.amountCredited ? (
            <p className="flex justify-end gap-6 py-1 text-slate-500">
              <span>Credited ({invoice.creditNotes.map((note) => note.label).join(", ")})</span>
              <span className="w-36 text-right tabular-nums text-emerald-700" data-testid="amount-credited">
                −{money(invoice.amountCredited)}
              </span>
            </p>
          ) : null}
          {invoice.refundDue ? (
            <p className="flex justify-end gap-6 py-1 font-medium text-amber-800">
              <span>Refund due to the client</span>
              <span className="w-36 text-right tabular-nums" data-testid="refund-due">
                {money(invoice.refundDue)}
              </span>
            </p>
          ) : null}
          <div className="mt-2 flex items-baseline justify-end gap-6 rounded-lg bg-slate-50 px-3 py-3">
            <span className="font-semibold text-slate-900">
              {invoice.status === "void" ? "Void — nothing due" : invoice.kind === "credit_note" ? `Credited on ${invoice.creditedInvoice?.label ?? "the invoice"} — nothing due` : "Balance due"}
            </span>
            <span className="w-36 text-right text-lg font-semibold tabular-nums text-slate-900" data-testid="balance-due">
              {money(invoice.balanceDue)}
            </span>
          </div>
        </div>
      </div>

      {seller.paymentInstructions && invoice.kind === "invoice" ? (
        <div className="border-t border-slate-100 px-5 sm:px-8 py-5" data-testid="payment-instructions">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Payment instructions</p>
          <Lines text={seller.paymentInstructions} className="mt-1 text-sm text-slate-700" />
        </div>
      ) : null}

      {invoice.notes ? (
        <div className="border-t border-slate-100 px-5 sm:px-8 py-5">
          <p className="text-xs font-semibold uppercase tracking-wide text-slate-500">Notes</p>
          <p className="mt-1 whitespace-pre-line text-sm text-slate-700">{invoice.notes}</p>
        </div>
      ) : null}
    </article>
  );
}

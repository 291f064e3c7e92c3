/**
 * The copy of an invoice kept in the outbox when it is "sent". There is no mail server;
 * this is the message a mail server would have delivered, kept verbatim.
 */
import { formatIsoDate } from "@/lib/domain/dates";
import { isFixedAmountLine } from "@/lib/domain/billing/invoice-lines";
import { formatHours } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import type { InvoiceDiscount, InvoiceTax } from "@/lib/domain/billing/invoice-adjustments";

/** "20 %", "8.25 %" from basis points. */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
}

export interface InvoiceMessageInput {
  label: string;
  workspaceName: string;
  clientName: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  lines: { description: string; quantitySeconds: number; unitRate: number; amount: number }[];
  subtotal: number;
  discount: InvoiceDiscount | null;
  discountAmount: number;
  /** Each tax with its amount, printed by label and rate. */
  taxes: readonly InvoiceTax[];
  /** A reverse-charge or exemption statement, printed under the taxes. */
  taxNote: string;
  total: number;
  notes: string;
  message: string | null;
}

export function renderInvoiceMessage(invoice: InvoiceMessageInput): { subject: string; body: string } {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const date = (iso: string) => formatIsoDate(iso, "d MMMM yyyy");
  const lines = invoice.lines.map(
    (l) => `  ${l.description}\n    ${isFixedAmountLine(l) ? money(l.amount) : `${formatHours(l.quantitySeconds)} × ${money(l.unitRate)}/h = ${money(l.amount)}`}`,
  );
  const body = [
    `Dear ${invoice.clientName},`,
    "",
    invoice.message ?? `Please find invoice ${invoice.label} from ${invoice.workspaceName} below.`,
    "",
    `Invoice ${invoice.label}`,
    `Issued: ${date(invoice.issueDate)}`,
    `Due: ${date(invoice.dueDate)}`,
    "",
    ...lines,
    "",
    `Subtotal: ${money(invoice.subtotal)}`,
    ...(invoice.discount ? [`${discountLabel(invoice.discount)}: −${money(Math.abs(invoice.discountAmount))}`] : []),
    ...invoice.taxes.map((tax) => `${tax.label} (${formatRate(tax.rate)}): ${money(tax.amount)}`),
    ...(invoice.taxNote ? [invoice.taxNote] : []),
    `Total due: ${money(invoice.total)}`,
    ...(invoice.notes ? ["", invoice.notes] : []),
    "",
    `— ${invoice.workspaceName}`,
  ].join("\n");
  return { subject: `Invoice ${invoice.label} from ${invoice.workspaceName} — ${money(invoice.total)}`, body };
}

/** "Discount (10%)" for a rate, "Loyalty" for a fixed amount. */
export function discountLabel(discount: InvoiceDiscount): string {
  return "rate" in discount ? `${discount.label} (${formatRate(discount.rate)})` : discount.label;
}

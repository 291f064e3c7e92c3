/** How an invoice's state reads in lists and on the document. */
export const INVOICE_STATUSES = ["draft", "sent", "paid", "void"] as const;
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatusName, string> = { draft: "Draft", sent: "Sent", paid: "Paid", void: "Void" };

export function isInvoiceStatus(value: string | undefined): value is InvoiceStatusName {
  return INVOICE_STATUSES.some((s) => s === value);
}

/**
 * The Invoices page's `?status=` when it is not a status (a hand-edited or outdated link): the
 * sentence saying every invoice is shown instead; null for a status, or none asked for.
 */
export function invoiceStatusNotice(requested: string | undefined): string | null {
  if (!requested || isInvoiceStatus(requested)) return null;
  return `There is no invoice status “${requested.slice(0, 40)}” (it is ${INVOICE_STATUSES.join(", ")}), so every invoice is shown.`;
}

export const PAYMENT_METHODS = [
  { value: "bank_transfer", label: "Bank transfer" },
  { value: "card", label: "Card" },
  { value: "cash", label: "Cash" },
  { value: "check", label: "Check" },
  { value: "other", label: "Other" },
] as const;

export function paymentMethodLabel(method: string): string {
  return PAYMENT_METHODS.find((m) => m.value === method)?.label ?? method;
}

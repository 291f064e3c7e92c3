/** How an invoice's state reads in lists and on the document. */
export const INVOICE_STATUSES = ["draft", "sent", "paid", "void"] as const;
export type InvoiceStatusName = (typeof INVOICE_STATUSES)[number];

export const INVOICE_STATUS_LABELS: Record<InvoiceStatusName, string> = { draft: "Draft", sent: "Sent", paid: "Paid", void: "Void" };

export function isInvoiceStatus(value: string | undefined): value is InvoiceStatusName {
  return INVOICE_STATUSES.some((s) => s === value);
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

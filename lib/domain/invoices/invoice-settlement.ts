/**
 * What an invoice still owes once payments and credit notes are counted, and the status that
 * follows — one rule shared by recording and removing payments and by issuing credit notes, so
 * every path leaves the same status for the same figures. All amounts are minor units.
 *
 * - balance due = max(0, total − paid − credited): never negative;
 * - refund due = max(0, paid + credited − total): what the client paid beyond what it still owes
 *   after a credit note (a fully credited invoice that was paid owes the client its money back);
 * - a sent invoice is paid once payments and credits cover its total and at least one payment was
 *   received (a fully credited invoice nobody paid stays sent, owing nothing).
 */
export interface InvoiceFigures {
  total: number;
  amountPaid: number;
  amountCredited: number;
}

export function balanceDueOf({ total, amountPaid, amountCredited }: InvoiceFigures): number {
  return Math.max(0, total - amountPaid - amountCredited);
}

export function refundDueOf({ total, amountPaid, amountCredited }: InvoiceFigures): number {
  return Math.max(0, amountPaid + amountCredited - total);
}

/** Sent or paid, for a sent-or-paid invoice with these figures. */
export function settledStatus(figures: InvoiceFigures): "sent" | "paid" {
  return figures.amountPaid > 0 && balanceDueOf(figures) === 0 ? "paid" : "sent";
}

/** Whether credit notes cancel the whole invoice. */
export function fullyCredited({ total, amountCredited }: Pick<InvoiceFigures, "total" | "amountCredited">): boolean {
  return total > 0 && amountCredited >= total;
}

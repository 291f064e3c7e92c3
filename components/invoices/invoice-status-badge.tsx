import { Badge, type BadgeTone } from "@/components/ui/badge";
import { INVOICE_STATUS_LABELS, type InvoiceStatusName } from "@/lib/web/invoice-status";

const TONES: Record<InvoiceStatusName, BadgeTone> = { draft: "gray", sent: "blue", paid: "green", void: "gray" };

/**
 * The invoice's status, plus "Overdue" when it is sent and past its due date, and "Credited" or
 * "Part credited" when credit notes took all or some of it off.
 */
export function InvoiceStatusBadge({ status, overdue, credited = "none" }: { status: InvoiceStatusName; overdue: boolean; credited?: "none" | "part" | "full" }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="invoice-status">
      <Badge tone={TONES[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>
      {overdue ? <Badge tone="red">Overdue</Badge> : null}
      {credited === "full" ? <Badge tone="gray">Credited</Badge> : credited === "part" ? <Badge tone="gray">Part credited</Badge> : null}
    </span>
  );
}

/** How much of an invoice credit notes took off, for the badge. */
export function creditedState(invoice: { amountCredited: number; total: number }): "none" | "part" | "full" {
  if (invoice.amountCredited <= 0) return "none";
  return invoice.amountCredited >= invoice.total ? "full" : "part";
}

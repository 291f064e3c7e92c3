import { Badge, type BadgeTone } from "@/components/ui/badge";
import { INVOICE_STATUS_LABELS, type InvoiceStatusName } from "@/lib/web/invoice-status";

const TONES: Record<InvoiceStatusName, BadgeTone> = { draft: "gray", sent: "blue", paid: "green", void: "gray" };

/** The invoice's status, plus "Overdue" when it is sent and past its due date. */
export function InvoiceStatusBadge({ status, overdue }: { status: InvoiceStatusName; overdue: boolean }) {
  return (
    <span className="inline-flex items-center gap-1.5" data-testid="invoice-status">
      <Badge tone={TONES[status]}>{INVOICE_STATUS_LABELS[status]}</Badge>
      {overdue ? <Badge tone="red">Overdue</Badge> : null}
    </span>
  );
}

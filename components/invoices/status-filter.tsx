import { NavList } from "@/components/ui/nav-list";
import { INVOICE_STATUS_LABELS, INVOICE_STATUSES, type InvoiceStatusName } from "@/lib/web/invoice-status";

/** All / Draft / Sent / Paid / Void, as links so the filter is in the URL. */
export function StatusFilter({ basePath, current }: { basePath: string; current: InvoiceStatusName | undefined }) {
  const href = (status: InvoiceStatusName | undefined) => (status ? `${basePath}?status=${status}` : basePath);
  const items = [{ href: href(undefined), label: "All" }, ...INVOICE_STATUSES.map((status) => ({ href: href(status), label: INVOICE_STATUS_LABELS[status] }))];
  return <NavList label="Filter by status" look="segments" items={items} currentHref={href(current)} />;
}

import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { INVOICE_STATUS_LABELS, INVOICE_STATUSES, type InvoiceStatusName } from "@/lib/web/invoice-status";

/** All / Draft / Sent / Paid / Void, as links so the filter is in the URL. */
export function StatusFilter({ basePath, current }: { basePath: string; current: InvoiceStatusName | undefined }) {
  const options: { value: InvoiceStatusName | undefined; label: string }[] = [
    { value: undefined, label: "All" },
    ...INVOICE_STATUSES.map((value) => ({ value, label: INVOICE_STATUS_LABELS[value] })),
  ];
  return (
    <nav aria-label="Filter by status">
      <ul className="inline-flex rounded-lg bg-slate-100 p-1 text-sm">
        {options.map((option) => {
          const active = option.value === current;
          return (
            <li key={option.label}>
              <Link
                href={option.value ? `${basePath}?status=${option.value}` : basePath}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "block rounded-md px-3 py-1.5 font-medium",
                  active ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
                )}
              >
                {option.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

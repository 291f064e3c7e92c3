import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { EARLIEST_DATE, LATEST_DATE } from "@/lib/domain/dates";

/**
 * Previous / this / next week, as plain links so they work without JavaScript. A null href
 * (before the calendar's first week, after its last) shows the step as unavailable, not a link.
 */
export function WeekNav({ previousHref, currentHref, nextHref, isCurrent }: { previousHref: string | null; currentHref: string; nextHref: string | null; isCurrent: boolean }) {
  return (
    <nav aria-label="Weeks" className="inline-flex items-center gap-1 rounded-lg bg-white p-1 shadow-sm ring-1 ring-slate-200">
      <Step href={previousHref} label="Previous week" none={`Previous week: none, dates start on ${EARLIEST_DATE}`}>
        <span aria-hidden>←</span> Previous
      </Step>
      <Link href={currentHref} className={cx(buttonClasses("ghost", "sm"), isCurrent && "bg-slate-100")} aria-current={isCurrent ? "date" : undefined}>
        This week
      </Link>
      <Step href={nextHref} label="Next week" none={`Next week: none, dates end on ${LATEST_DATE}`}>
        Next <span aria-hidden>→</span>
      </Step>
    </nav>
  );
}

function Step({ href, label, none, children }: { href: string | null; label: string; none: string; children: ReactNode }) {
  if (href === null) {
    return (
      <span role="link" aria-disabled="true" aria-label={none} title={none} className={cx(buttonClasses("ghost", "sm"), "cursor-not-allowed opacity-40")}>
        {children}
      </span>
    );
  }
  return (
    <Link href={href} className={buttonClasses("ghost", "sm")} aria-label={label}>
      {children}
    </Link>
  );
}

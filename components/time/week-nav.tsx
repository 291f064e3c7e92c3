import Link from "next/link";
import { buttonClasses } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";

/** Previous / this / next week, as plain links so they work without JavaScript. */
export function WeekNav({ previousHref, currentHref, nextHref, isCurrent }: { previousHref: string; currentHref: string; nextHref: string; isCurrent: boolean }) {
  return (
    <nav aria-label="Weeks" className="inline-flex items-center gap-1 rounded-lg bg-white p-1 shadow-sm ring-1 ring-slate-200">
      <Link href={previousHref} className={buttonClasses("ghost", "sm")} aria-label="Previous week">
        <span aria-hidden>←</span> Previous
      </Link>
      <Link href={currentHref} className={cx(buttonClasses("ghost", "sm"), isCurrent && "bg-slate-100")} aria-current={isCurrent ? "date" : undefined}>
        This week
      </Link>
      <Link href={nextHref} className={buttonClasses("ghost", "sm")} aria-label="Next week">
        Next <span aria-hidden>→</span>
      </Link>
    </nav>
  );
}

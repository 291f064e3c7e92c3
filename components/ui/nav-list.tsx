import Link from "next/link";
import type { NavItem } from "@/lib/web/workspace-nav";
import { cx } from "./cx";

/** How a list of links looks where it stands: the app's sidebar, a page's tabs, a filter's segments. */
const LOOKS = {
  sidebar: {
    list: "space-y-0.5",
    link: "block rounded-md px-3 py-2 text-sm font-medium",
    current: "bg-indigo-50 text-indigo-700",
    other: "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
  },
  tabs: {
    list: "-mb-px flex flex-wrap gap-x-1",
    link: "inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600",
    current: "border-indigo-600 text-indigo-700",
    other: "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
  },
  segments: {
    list: "inline-flex rounded-lg bg-slate-100 p-1 text-sm",
    link: "block rounded-md px-3 py-1.5 font-medium",
    current: "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200",
    other: "text-slate-600 hover:text-slate-900",
  },
} as const;

export type NavLook = keyof typeof LOOKS;

/** A labelled list of links; the current one is marked with aria-current for screen readers too. */
export function NavList({ label, items, currentHref, look, className }: { label: string; items: NavItem[]; currentHref: string | undefined; look: NavLook; className?: string }) {
  const styles = LOOKS[look];
  return (
    <nav aria-label={label} className={className}>
      <ul className={styles.list}>
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link href={item.href} aria-current={current ? "page" : undefined} className={cx(styles.link, current ? styles.current : styles.other, item.badge && "flex items-center justify-between gap-2")}>
                {item.label}
                {item.badge ? (
                  <span data-testid="nav-badge" className="rounded-full bg-amber-100 px-2 py-0.5 text-xs font-semibold tabular-nums text-amber-900">
                    {item.badge.count}
                    <span className="sr-only"> {item.badge.label}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

"use client";
import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { useCurrentHref } from "./use-current-href";
import type { NavItem } from "@/lib/web/workspace-nav";


/** The workspace's sections; the current one is marked for screen readers too. */
export function NavLinks({ items }: { items: NavItem[] }) {
  const currentHref = useCurrentHref(items.map((item) => item.href));
  return (
    <ul className="space-y-0.5">
      {items.map((item) => {
        const current = item.href === currentHref;
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={current ? "page" : undefined}
              className={cx(
                "block rounded-md px-3 py-2 text-sm font-medium",
                current ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              {item.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

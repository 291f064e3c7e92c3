"use client";
import Link from "next/link";
import { cx } from "@/components/ui/cx";
import { useCurrentHref } from "@/components/shell/use-current-href";

/** The workspace settings sections as tabs; the current one is marked for screen readers. */
export function SettingsNav({ basePath }: { basePath: string }) {
  const items = [
    { href: `${basePath}/integrations`, label: "Integrations" },
    { href: `${basePath}/members`, label: "Members" },
    { href: `${basePath}/billing`, label: "Billing" },
    { href: `${basePath}/audit-log`, label: "Audit log" },
  ];
  const currentHref = useCurrentHref(items.map((item) => item.href));
  return (
    <nav aria-label="Settings" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex flex-wrap gap-x-1">
        {items.map((item) => {
          const current = item.href === currentHref;
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "inline-block border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600",
                  current ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-900",
                )}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

import Link from "next/link";
import { cx } from "@/components/ui/cx";

/** Whose time the week shows: a row of links, the current choice marked. */
export function MemberFilter({ options }: { options: { label: string; href: string; current: boolean }[] }) {
  return (
    <nav aria-label="Whose time" className="flex flex-wrap items-center gap-2">
      <span className="text-sm font-medium text-slate-600">Showing</span>
      <ul className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1">
        {options.map((option) => (
          <li key={option.href}>
            <Link
              href={option.href}
              aria-current={option.current ? "true" : undefined}
              className={cx(
                "block rounded-md px-3 py-1 text-sm font-medium focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600",
                option.current ? "bg-white text-slate-900 shadow-sm ring-1 ring-slate-200" : "text-slate-600 hover:text-slate-900",
              )}
            >
              {option.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

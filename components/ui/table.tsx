import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";
import { ScrollTable } from "./scroll-table";

/** A column heading: its words alone, or with how the column's cells line up. */
export type Column = string | { label: string; align?: "left" | "right"; className?: string };

/**
 * A captioned table: one header row from `columns` (a `false` entry is a column left out), the
 * body rows as `children`, and `footer` (a <tfoot>) after them. `actions` adds a last column
 * for each row's controls, named for screen readers only. It scrolls sideways in a ScrollTable
 * named by the caption, so a wide table never widens the page.
 */
export function Table({
  caption,
  columns,
  actions = false,
  footer,
  children,
}: {
  caption: string;
  columns: Array<Column | false>;
  actions?: boolean;
  footer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <ScrollTable label={caption}>
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column, index) => {
              if (column === false) return null;
              const { label, align, className } = typeof column === "string" ? { label: column } : column;
              return (
                <Th key={index} align={align} className={className}>
                  {label}
                </Th>
              );
            })}
            {actions ? (
              <Th>
                <span className="sr-only">Actions</span>
              </Th>
            ) : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
        {footer}
      </table>
    </ScrollTable>
  );
}

function Th({ className, align = "left", ...props }: ComponentProps<"th"> & { align?: "left" | "right" }) {
  return (
    <th
      scope="col"
      className={cx("px-3 py-2 text-xs font-semibold uppercase tracking-wide text-slate-500", align === "right" ? "text-right" : "text-left", className)}
      {...props}
    />
  );
}

export function Td({ className, align = "left", ...props }: ComponentProps<"td"> & { align?: "left" | "right" }) {
  return <td className={cx("px-3 py-2.5 text-slate-700", align === "right" ? "text-right tabular-nums" : "", className)} {...props} />;
}

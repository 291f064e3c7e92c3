import type { ReactNode } from "react";
import { cx } from "./cx";

/**
 * The frame for anything wider than a phone (a table, usually): it scrolls sideways inside the
 * page instead of widening it, shows a shadow at an edge while there is more to scroll that way
 * (the `scroll-cue` class in app/globals.css; pure CSS, so it works in server components), and
 * is a focusable, named region so keyboard users can scroll it with the arrow keys (WCAG 2.1.1,
 * axe `scrollable-region-focusable`).
 *
 * `label` names the region for screen readers, e.g. the table's caption ("Invoices").
 * Its background is white (the shadows' covers); pass `className` for spacing only.
 *
 *     <ScrollTable label="Timesheet"><table>…</table></ScrollTable>
 */
export function ScrollTable({ label, className, children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      data-testid="scroll-table"
      className={cx("scroll-cue relative overflow-x-auto rounded-sm focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600", className)}
    >
      {children}
    </div>
  );
}

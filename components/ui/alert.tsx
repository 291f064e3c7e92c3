import type { ReactNode } from "react";
import { cx } from "./cx";

const TONES = {
  info: "bg-sky-50 text-sky-800 ring-sky-200",
  success: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  warning: "bg-amber-50 text-amber-900 ring-amber-200",
  error: "bg-rose-50 text-rose-800 ring-rose-200",
} as const;

/**
 * An inline message. Errors use role="status" plus a test id rather than role="alert":
 * Next already renders its own role="alert" route announcer on every page.
 */
export function Alert({ tone = "info", title, children, testId }: { tone?: keyof typeof TONES; title?: string; children?: ReactNode; testId?: string }) {
  return (
    <div role="status" data-testid={testId} className={cx("rounded-md px-4 py-3 text-sm ring-1 ring-inset", TONES[tone])}>
      {title ? <p className="font-semibold">{title}</p> : null}
      {children ? <div className={title ? "mt-1" : undefined}>{children}</div> : null}
    </div>
  );
}

import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

export function Table({ caption, children }: { caption?: string; children: ReactNode }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        {caption ? <caption className="sr-only">{caption}</caption> : null}
        {children}
      </table>
    </div>
  );
}

export function Th({ className, align = "left", ...props }: ComponentProps<"th"> & { align?: "left" | "right" }) {
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

import type { ReactNode } from "react";

/**
 * A page the member may not use, reached directly (the navigation hides it): the domain's
 * refusal in words, and a way back.
 */
export function RefusedNotice({ title, message, children }: { title: string; message: string; children?: ReactNode }) {
  return (
    <div data-testid="refused" role="status" className="rounded-xl bg-white px-6 py-10 text-center shadow-sm ring-1 ring-slate-200">
      <div aria-hidden className="mx-auto flex h-10 w-10 items-center justify-center rounded-full bg-amber-50 text-lg text-amber-700 ring-1 ring-amber-200">
        !
      </div>
      <h2 className="mt-4 text-base font-semibold text-slate-900">{title}</h2>
      <p className="mx-auto mt-1 max-w-md text-sm text-slate-600">{message}</p>
      {children ? <div className="mt-5 flex justify-center gap-2">{children}</div> : null}
    </div>
  );
}

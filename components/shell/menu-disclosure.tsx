"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { usePathname } from "next/navigation";
import { cx } from "@/components/ui/cx";

/**
 * The app's menu on a small screen: a "Menu" button (aria-expanded, aria-controls) that shows
 * and hides `children`; from the lg breakpoint up the button is gone and `children` always show.
 * Following a link, or Escape, closes it (Escape hands focus back to the button). Without
 * JavaScript the menu stays open and the button is hidden, so a phone can still reach every page.
 */
export function MenuDisclosure({ id, label = "Menu", children }: { id: string; label?: string; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const pathname = usePathname();
  // A new page closes the menu: it was opened to get there.
  useEffect(() => setOpen(false), [pathname]);

  return (
    <>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((was) => !was)}
        className="inline-flex items-center gap-2 rounded-md px-3 py-2 text-sm font-medium text-slate-700 ring-1 ring-slate-200 hover:bg-slate-100 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600 lg:hidden"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          {open ? (
            <path d="M5.3 4.3 10 9l4.7-4.7 1 1L11 10l4.7 4.7-1 1L10 11l-4.7 4.7-1-1L9 10 4.3 5.3z" />
          ) : (
            <path d="M3 5h14v1.5H3zm0 4.25h14v1.5H3zM3 13.5h14V15H3z" />
          )}
        </svg>
        {label}
      </button>
      <div
        id={id}
        data-open={open}
        className={cx("basis-full lg:flex lg:flex-1 lg:flex-col lg:gap-5", open ? "flex flex-col gap-5" : "hidden")}
        onKeyDown={(event) => {
          if (event.key !== "Escape") return;
          setOpen(false);
          button.current?.focus();
        }}
      >
        {children}
      </div>
      <noscript>
        <style>{`#${id}{display:flex}[aria-controls="${id}"]{display:none}`}</style>
      </noscript>
    </>
  );
}

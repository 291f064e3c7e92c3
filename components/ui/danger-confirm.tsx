"use client";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { Button } from "./button";
import { cx } from "./cx";

/** `danger` undoes something for good; `warning` breaks things that can be mended (a rotated secret). */
const TONES = {
  danger: { panel: "bg-rose-50 text-rose-950 ring-rose-200", open: "text-rose-700" },
  warning: { panel: "bg-amber-50 text-amber-950 ring-amber-200", open: undefined },
} as const;

/**
 * A button that asks before it acts: pressed, it gives way to a panel saying what will happen
 * (`children`), with the confirming submit button and Cancel. Focus moves to the confirming
 * button, and back to the opening one on Cancel, so keyboard users stay where they were.
 */
export function DangerConfirm({
  tone = "danger",
  openLabel,
  formLabel,
  confirmLabel,
  pendingLabel,
  pending,
  done = false,
  onSubmit,
  children,
}: {
  tone?: keyof typeof TONES;
  openLabel: string;
  /** The confirmation form's accessible name. */
  formLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The action succeeded and the page is moving on: confirming again would do nothing. */
  done?: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button ref={openRef} variant="secondary" className={TONES[tone].open} onClick={() => setConfirming(true)}>
        {openLabel}
      </Button>
    );
  }
  return (
    <form aria-label={formLabel} onSubmit={onSubmit} className={cx("space-y-3 rounded-lg p-4 text-sm ring-1 ring-inset", TONES[tone].panel)}>
      {children}
      <div className="flex flex-wrap gap-2">
        <Button ref={confirmRef} type="submit" variant="danger" disabled={pending || done}>
          {pending ? pendingLabel : confirmLabel}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

"use client";
import { useEffect, useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import { Button } from "./button";
import { cx } from "./cx";

/** `danger` undoes something for good; `warning` breaks things that can be mended (a rotated secret). */
const TONES = {
  danger: { panel: "bg-rose-50 text-rose-950 ring-rose-200", open: "text-rose-700" },
  warning: { panel: "bg-amber-50 text-amber-950 ring-amber-200", open: undefined },
} as const;

/** `md` stands on its own in a card; `sm` sits in a row of a list or table. */
const SIZES = { md: "p-4", sm: "p-3" } as const;

/**
 * The two steps of asking before acting: `open` shows the question, `cancel` takes it away.
 * Focus moves to the confirming button when the question opens and back to the opening one on
 * Cancel, so keyboard users stay where they were.
 */
export function useConfirmStep(): {
  confirming: boolean;
  open: () => void;
  cancel: () => void;
  openRef: RefObject<HTMLButtonElement | null>;
  confirmRef: RefObject<HTMLButtonElement | null>;
} {
  const [confirming, setConfirming] = useState(false);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return { confirming, open: () => setConfirming(true), cancel: () => setConfirming(false), openRef, confirmRef };
}

/** The confirming submit button and Cancel, for the form that asks. */
export function ConfirmButtons({
  step,
  size = "md",
  confirmLabel,
  pendingLabel,
  pending,
  done = false,
  confirmAriaLabel,
  describedBy,
}: {
  step: Pick<ReturnType<typeof useConfirmStep>, "confirmRef" | "cancel">;
  size?: keyof typeof SIZES;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  done?: boolean;
  confirmAriaLabel?: string;
  describedBy?: string;
}) {
  return (
    <>
      <Button ref={step.confirmRef} type="submit" variant="danger" size={size} disabled={pending || done} aria-label={confirmAriaLabel} aria-describedby={describedBy}>
        {pending ? pendingLabel : confirmLabel}
      </Button>
      <Button variant="secondary" size={size} onClick={step.cancel} disabled={pending}>
        Cancel
      </Button>
    </>
  );
}

/**
 * A button that asks before it acts: pressed, it gives way to a panel saying what will happen
 * (`children`), with the confirming submit button and Cancel (see `useConfirmStep` for focus).
 */
export function DangerConfirm({
  tone = "danger",
  size = "md",
  openVariant = "secondary",
  openLabel,
  formLabel,
  confirmLabel,
  pendingLabel,
  pending,
  done = false,
  describedBy,
  className,
  onSubmit,
  children,
}: {
  tone?: keyof typeof TONES;
  size?: keyof typeof SIZES;
  /** `ghost` for an opening button among other quiet row actions. */
  openVariant?: "secondary" | "ghost";
  openLabel: ReactNode;
  /** The confirmation form's accessible name. */
  formLabel: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  /** The action succeeded and the page is moving on: confirming again would do nothing. */
  done?: boolean;
  /** Names what the short button labels act on (both the opening and the confirming button). */
  describedBy?: string;
  className?: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  const step = useConfirmStep();

  if (!step.confirming) {
    return (
      <Button
        ref={step.openRef}
        variant={openVariant}
        size={size}
        className={cx(TONES[tone].open, openVariant === "ghost" && "hover:bg-rose-50")}
        onClick={step.open}
        aria-describedby={describedBy}
      >
        {openLabel}
      </Button>
    );
  }
  return (
    <form aria-label={formLabel} onSubmit={onSubmit} className={cx("space-y-3 rounded-lg text-sm ring-1 ring-inset", SIZES[size], TONES[tone].panel, className)}>
      {children}
      <div className="flex flex-wrap gap-2">
        <ConfirmButtons step={step} size={size} confirmLabel={confirmLabel} pendingLabel={pendingLabel} pending={pending} done={done} describedBy={describedBy} />
      </div>
    </form>
  );
}

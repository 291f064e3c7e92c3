"use client";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * Copies `value` to the clipboard and says so beside the button (a status, so screen readers
 * hear it too). `label` is the button's accessible name ("Copy client secret") and `children`
 * its visible text; the text never changes, so the name keeps containing it (WCAG 2.5.3).
 */
export function CopyButton({ value, label, testId, children = "Copy" }: { value: string; label: string; testId?: string; children?: ReactNode }) {
  const [outcome, setOutcome] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (outcome === "idle") return;
    const timer = setTimeout(() => setOutcome("idle"), 2500);
    return () => clearTimeout(timer);
  }, [outcome]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setOutcome("copied");
    } catch {
      setOutcome("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy} aria-label={label} data-testid={testId}>
        {children}
      </Button>
      <span role="status" className="text-xs text-slate-500">
        {outcome === "copied" ? "Copied to the clipboard." : outcome === "failed" ? "Copying failed: select the text and copy it yourself." : ""}
      </span>
    </span>
  );
}

"use client";
import { useEffect, useState, type ReactNode } from "react";
import { Button } from "./button";

/**
 * Copies `value` to the clipboard and says so to screen readers. `label` is the button's
 * accessible name ("Copy client secret"); `children` is what it shows until copied.
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
        {outcome === "copied" ? "Copied" : children}
      </Button>
      <span role="status" className="text-xs text-slate-500">
        {outcome === "copied" ? <span className="sr-only">Copied to the clipboard.</span> : outcome === "failed" ? "Copying failed: select the text and copy it yourself." : ""}
      </span>
    </span>
  );
}

"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

/** Copies `value` to the clipboard and says so (politely, for screen readers too). */
export function CopyButton({ value, label = "Copy" }: { value: string; label?: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      setState("failed");
    }
  }
  return (
    <span className="inline-flex items-center gap-2">
      <Button variant="secondary" size="sm" onClick={copy}>
        {label}
      </Button>
      <span aria-live="polite" className="text-xs text-slate-500">
        {state === "copied" ? "Copied" : state === "failed" ? "Select the address and copy it by hand" : ""}
      </span>
    </span>
  );
}

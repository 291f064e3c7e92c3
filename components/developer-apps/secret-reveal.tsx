"use client";
import { useEffect, useRef } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { inputClasses } from "@/components/ui/field";

/**
 * A client secret, shown this once: only its hash is kept, so it cannot be shown again.
 * Focus moves here so keyboard and screen-reader users land on it.
 */
export function SecretReveal({ secret, title, children }: { secret: string; title: string; children?: React.ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <section aria-labelledby="secret-title" className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-200" data-testid="secret-reveal">
      <h2 id="secret-title" ref={headingRef} tabIndex={-1} className="text-base font-semibold text-amber-950 focus:outline-none">
        {title}
      </h2>
      <p className="text-sm font-medium text-amber-900">Copy it now: you won&apos;t see this secret again. Hourbook keeps only a hash of it.</p>
      <div className="space-y-1">
        <label htmlFor="client-secret" className="block text-sm font-medium text-slate-800">
          Client secret
        </label>
        <div className="flex flex-wrap items-center gap-2">
          <input
            id="client-secret"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className={`${inputClasses} max-w-xl flex-1 font-mono text-xs`}
            spellCheck={false}
          />
          <CopyButton value={secret} label="Copy client secret" testId="copy-secret" />
        </div>
      </div>
      {children}
    </section>
  );
}

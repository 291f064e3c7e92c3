/** The Hourbook word mark: an hourglass-ish book glyph and the name. */
export function Brand({ className = "" }: { className?: string }) {
  return (
    <span className={`inline-flex items-center gap-2 font-semibold tracking-tight text-slate-900 ${className}`}>
      <span aria-hidden className="grid h-7 w-7 place-items-center rounded-lg bg-indigo-600 text-sm text-white">
        H
      </span>
      Hourbook
    </span>
  );
}

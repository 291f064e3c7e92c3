import { CopyButton } from "@/components/ui/copy-button";

/** A block of code to copy and run. */
export function CodeSample({ title, language, code }: { title: string; language: string; code: string }) {
  return (
    <figure className="space-y-2">
      <figcaption className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium text-slate-800">
          {title} <span className="text-xs font-normal text-slate-500">({language})</span>
        </span>
        <CopyButton value={code} label={`Copy ${title}`} />
      </figcaption>
      <pre tabIndex={0} aria-label={title} className="max-h-[28rem] overflow-auto rounded-lg bg-slate-900 p-4 text-xs leading-relaxed text-slate-100 focus:outline-2 focus:outline-indigo-500">
        <code>{code}</code>
      </pre>
    </figure>
  );
}

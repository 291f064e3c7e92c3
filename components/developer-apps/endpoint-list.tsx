import { CopyButton } from "@/components/ui/copy-button";

export interface EndpointItem {
  label: string;
  url: string;
  hint?: string;
}

/** Named URLs, each with a copy button. */
export function EndpointList({ items }: { items: EndpointItem[] }) {
  return (
    <dl className="divide-y divide-slate-100">
      {items.map((item) => (
        <div key={item.label} className="grid gap-1 py-2.5 sm:grid-cols-[14rem_1fr] sm:gap-4">
          <dt className="text-sm font-medium text-slate-700">
            {item.label}
            {item.hint ? <span className="block text-xs font-normal text-slate-500">{item.hint}</span> : null}
          </dt>
          <dd className="flex min-w-0 flex-wrap items-center gap-2">
            <code className="break-all font-mono text-xs text-slate-800">{item.url}</code>
            <CopyButton value={item.url} label={`Copy ${item.label}`} />
          </dd>
        </div>
      ))}
    </dl>
  );
}

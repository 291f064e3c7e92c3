import type { ReactNode } from "react";

/** The "Tags" of a task or time entry as toggle chips (checkboxes named tagIds), with the refusal beneath. */
export function TagChoices({
  id,
  tags,
  checkedIds,
  error,
  empty,
  className,
}: {
  id: string;
  tags: Array<{ id: string; name: string }>;
  checkedIds: string[];
  error?: string;
  /** Said instead when the workspace has no tags. */
  empty: ReactNode;
  className?: string;
}) {
  return (
    <fieldset className={className} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="text-sm font-medium text-slate-800">Tags</legend>
      {tags.length === 0 ? (
        <p className="mt-1 text-xs text-slate-500">{empty}</p>
      ) : (
        <div className="mt-1.5 flex flex-wrap gap-2">
          {tags.map((tag) => (
            <label
              key={tag.id}
              className="inline-flex cursor-pointer items-center gap-1.5 rounded-full bg-white px-3 py-1 text-sm text-slate-700 ring-1 ring-inset ring-slate-300 has-checked:bg-indigo-50 has-checked:text-indigo-800 has-checked:ring-indigo-300 has-focus-visible:outline has-focus-visible:outline-2 has-focus-visible:outline-indigo-600"
            >
              <input type="checkbox" name="tagIds" value={tag.id} defaultChecked={checkedIds.includes(tag.id)} className="h-3.5 w-3.5 rounded border-slate-300 text-indigo-600" />
              {tag.name}
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id={`${id}-error`} className="mt-1 text-xs font-medium text-rose-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

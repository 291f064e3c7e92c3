"use client";
import { useState } from "react";

export interface ScopeItem {
  scope: string;
  text: string;
  /** The scope this one needs (same request), if any. */
  needs: string | null;
}

/**
 * The requested permissions as checkboxes, grouped by area. Unticking a scope unticks the
 * ones that need it; ticking one ticks what it needs — the server applies the same rule.
 */
export function ScopeChecklist({ groups, initiallyTicked }: { groups: Array<{ area: string; items: ScopeItem[] }>; initiallyTicked: readonly string[] }) {
  const all = groups.flatMap((g) => g.items);
  const [ticked, setTicked] = useState<Set<string>>(() => new Set(initiallyTicked));

  function toggle(scope: string, on: boolean) {
    const next = new Set(ticked);
    if (on) {
      for (let s: string | null = scope; s; s = all.find((i) => i.scope === s)?.needs ?? null) next.add(s);
    } else {
      const drop = [scope];
      while (drop.length) {
        const s = drop.pop() as string;
        next.delete(s);
        for (const dependent of all.filter((i) => i.needs === s && next.has(i.scope))) drop.push(dependent.scope);
      }
    }
    setTicked(next);
  }

  return (
    <div className="space-y-4">
      {groups.map((group) => (
        <fieldset key={group.area}>
          <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.area}</legend>
          <ul className="mt-1.5 space-y-1.5">
            {group.items.map((item) => (
              <li key={item.scope} className="flex items-start gap-2">
                <input
                  type="checkbox"
                  id={`scope-${item.scope}`}
                  name="scope"
                  value={item.scope}
                  checked={ticked.has(item.scope)}
                  onChange={(e) => toggle(item.scope, e.currentTarget.checked)}
                  className="mt-0.5 h-4 w-4 rounded border-slate-300 text-indigo-600 focus:ring-indigo-600"
                />
                <label htmlFor={`scope-${item.scope}`} className="text-sm text-slate-800">
                  {item.text} <span className="font-mono text-xs text-slate-500">{item.scope}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      ))}
    </div>
  );
}

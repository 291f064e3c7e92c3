import type { ConsentWorkspace } from "@/lib/oauth/authorize/consent-view";

/** One radio per workspace; those that cannot be chosen are disabled with the reason. */
export function WorkspacePicker({
  workspaces,
  selectedId,
  onSelect,
}: {
  workspaces: ConsentWorkspace[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}) {
  return (
    <fieldset role="radiogroup" aria-labelledby="workspace-legend" className="space-y-2">
      <legend id="workspace-legend" className="text-sm font-semibold text-slate-900">
        Workspace
      </legend>
      <p className="text-xs text-slate-500">The app works inside this one workspace only.</p>
      <ul className="space-y-2">
        {workspaces.map((w) => (
          <li key={w.id} className="rounded-lg px-3 py-2 ring-1 ring-slate-200 has-[:checked]:bg-indigo-50 has-[:checked]:ring-indigo-300">
            <div className="flex items-start gap-2">
              <input
                type="radio"
                id={`workspace-${w.id}`}
                name="workspace_id"
                value={w.id}
                checked={w.id === selectedId}
                onChange={() => onSelect(w.id)}
                disabled={Boolean(w.reason)}
                aria-describedby={w.reason ? `workspace-${w.id}-reason` : undefined}
                className="mt-0.5 h-4 w-4 border-slate-300 text-indigo-600 focus:ring-indigo-600"
              />
              <div className="text-sm">
                <label htmlFor={`workspace-${w.id}`} className={w.reason ? "text-slate-500" : "font-medium text-slate-900"}>
                  {w.name}
                </label>
                {w.reason ? (
                  <p id={`workspace-${w.id}-reason`} className="text-xs text-slate-500">
                    {w.reason}
                  </p>
                ) : (
                  <p className="text-xs capitalize text-slate-600">{w.role}</p>
                )}
              </div>
            </div>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}

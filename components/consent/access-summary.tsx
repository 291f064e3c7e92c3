import type { WorkspaceAccessView } from "@/lib/oauth/authorize/describe-workspace-access";

/**
 * What the app will really be able to do in the chosen workspace, and what it asks for but
 * cannot use there now, under the reason.
 */
export function AccessSummary({ clientName, workspaceName, access }: { clientName: string; workspaceName: string; access: WorkspaceAccessView }) {
  return (
    <section aria-labelledby="access-now-heading" data-testid="workspace-access" className="space-y-3">
      <h2 id="access-now-heading" className="text-sm font-semibold text-slate-900">
        In {workspaceName}, {clientName} will be able to
      </h2>
      {access.usable.length ? (
        <dl data-testid="access-usable" className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1.5 text-sm">
          {access.usable.map((group) => (
            <div key={group.area} className="contents">
              <dt className="text-slate-500">{group.area}</dt>
              <dd>
                <ul>
                  {group.items.map((item) => (
                    <li key={item.id} className="text-slate-800">
                      {item.text}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-slate-600">Nothing it asks for, right now.</p>
      )}
      {access.blocked.length ? (
        <div data-testid="access-not-usable" className="space-y-2 rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-inset ring-amber-200">
          <h3 className="font-semibold">Asked for, but not usable in {workspaceName} now</h3>
          {access.blocked.map((group) => (
            <div key={group.reason}>
              <p>{group.reason}</p>
              <ul className="mt-1 list-disc pl-5">
                {group.items.map((item) => (
                  <li key={item.id}>{item.text}</li>
                ))}
              </ul>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}

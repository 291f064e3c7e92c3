import type { UserWorkspace } from "@/lib/domain/workspaces/list-user-workspaces";

/** A disclosure listing the user's workspaces; works with the keyboard and without JavaScript. */
export function WorkspaceSwitcher({ current, workspaces }: { current: { slug: string; name: string; plan: string }; workspaces: UserWorkspace[] }) {
  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-lg bg-white px-3 py-2 text-left ring-1 ring-slate-200 hover:bg-slate-50 focus-visible:outline focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        <span className="min-w-0">
          <span className="sr-only">Switch workspace — current: </span>
          <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
          <span className="block text-xs capitalize text-slate-500">{current.plan} plan</span>
        </span>
        <span aria-hidden className="text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <ul className="absolute z-20 mt-1 w-full overflow-hidden rounded-lg bg-white py-1 shadow-lg ring-1 ring-slate-200">
        {workspaces.map((w) => (
          <li key={w.slug}>
            <a
              href={`/w/${w.slug}/time`}
              aria-current={w.slug === current.slug ? "true" : undefined}
              className="flex items-center justify-between px-3 py-2 text-sm text-slate-700 hover:bg-slate-50 aria-[current=true]:font-semibold"
            >
              <span className="truncate">{w.name}</span>
              <span className="text-xs capitalize text-slate-500">{w.role}</span>
            </a>
          </li>
        ))}
      </ul>
    </details>
  );
}

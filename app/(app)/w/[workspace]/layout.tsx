import { Brand } from "@/components/brand";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { NavLinks } from "@/components/shell/nav-links";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { workspaceNav } from "@/lib/web/workspace-nav";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { user, actor, workspace } = await requireWorkspaceActor(slug);
  const workspaces = await listUserWorkspaces(user.id);

  return (
    <div className="min-h-screen lg:flex">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white/70 lg:sticky lg:top-0 lg:h-screen lg:w-64 lg:shrink-0 lg:border-b-0 lg:border-r">
        <div className="flex h-full flex-col gap-5 p-4">
          <a href="/" className="px-1">
            <Brand />
          </a>
          <WorkspaceSwitcher current={{ slug, name: workspace.name, plan: workspace.plan }} workspaces={workspaces} />
          <nav aria-label="Workspace" className="flex-1">
            <NavLinks items={workspaceNav(slug, actor)} />
          </nav>
          <div className="border-t border-slate-200 pt-4">
            <p className="truncate px-1 text-sm font-medium text-slate-900">{user.name}</p>
            <p className="truncate px-1 text-xs text-slate-500">
              {user.email} · <span className="capitalize">{actor.role}</span>
            </p>
            <div className="mt-2">
              <SignOutButton />
            </div>
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-8 lg:py-8">
        <div className="mx-auto max-w-6xl">{children}</div>
      </main>
    </div>
  );
}

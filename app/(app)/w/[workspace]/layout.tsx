import { AppShell } from "@/components/shell/app-shell";
import { WorkspaceSwitcher } from "@/components/shell/workspace-switcher";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { countPendingApprovals } from "@/lib/domain/approvals/count-pending-approvals";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { accountNav, workspaceNav } from "@/lib/web/workspace-nav";
import { RunningTimer } from "./running-timer";

export default async function WorkspaceLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { user, actor, workspace } = await requireWorkspaceActor(slug);
  const workspaces = await listUserWorkspaces(user.id);

  return (
    <AppShell
      user={user}
      subtitle={actor.role}
      context={<WorkspaceSwitcher current={{ slug, name: workspace.name, plan: workspace.plan }} workspaces={workspaces} />}
      navLabel="Workspace"
      nav={workspaceNav(slug, actor)}
      accountNav={accountNav(await countPendingApprovals(user.id))}
    >
      <RunningTimer slug={slug} actor={actor} timeZone={workspace.timeZone} />
      {children}
    </AppShell>
  );
}

import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { countPendingApprovals } from "@/lib/domain/approvals/count-pending-approvals";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { accountNav } from "@/lib/web/workspace-nav";

/** Pages about the person rather than one workspace: account, integrations, developer apps. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const workspaces = await listUserWorkspaces(user.id);
  return (
    <AppShell
      user={user}
      navLabel="Workspaces"
      nav={workspaces.map((w) => ({ href: `/w/${w.slug}/time`, label: w.name }))}
      accountNav={accountNav(await countPendingApprovals(user.id))}
    >
      {children}
    </AppShell>
  );
}

import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/lib/auth/session";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { ACCOUNT_NAV } from "@/lib/web/workspace-nav";

/** Pages about the person rather than one workspace: account, integrations, developer apps. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const workspaces = await listUserWorkspaces(user.id);
  return (
    <AppShell
      user={user}
      navLabel="Workspaces"
      nav={workspaces.map((w) => ({ href: `/w/${w.slug}/time`, label: w.name }))}
      accountNav={ACCOUNT_NAV}
    >
      {children}
    </AppShell>
  );
}

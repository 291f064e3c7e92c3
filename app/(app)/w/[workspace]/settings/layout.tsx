import { SettingsNav } from "@/components/settings/settings-nav";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";

/** Workspace settings: owners and admins. Members reaching it directly are told why not. */
export default async function SettingsLayout({ children, params }: { children: React.ReactNode; params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  if (!can(actor, "members:manage")) {
    return (
      <>
        <PageHeader title="Settings" />
        <RefusedNotice title="Settings are for owners and admins" message={`Your role in ${workspace.name} is ${actor.role}; ask an owner or admin to change settings.`} />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Settings" description={`Business details, connections, members, billing and the audit log of ${workspace.name}.`} />
      <SettingsNav basePath={`/w/${slug}/settings`} />
      {children}
    </>
  );
}

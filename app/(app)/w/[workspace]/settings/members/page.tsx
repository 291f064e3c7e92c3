import type { Metadata } from "next";
import { MemberTable } from "@/components/settings/member-table";
import { Card } from "@/components/ui/card";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { listMemberSettings } from "@/lib/domain/members/member-settings-view";
import { attempt } from "@/lib/web/domain-result";
import { changeMemberRoleAction, setMemberStatusAction } from "../actions";

export const metadata: Metadata = { title: "Members · Settings" };

export default async function MembersSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor } = await requireWorkspaceActor(slug);
  const result = await attempt(() => listMemberSettings(actor));
  if (!result.ok) return <RefusedNotice title="Members are managed by owners and admins" message={result.error.message} />;

  return (
    <div className="space-y-4">
      <Card
        title="Members"
        description="Owners manage everyone; admins move people between member and admin. Nobody changes their own role, and there is always an active owner."
      >
        <div className="-mx-5 -my-4">
          <MemberTable members={result.value} roleAction={changeMemberRoleAction.bind(null, slug)} statusAction={setMemberStatusAction.bind(null, slug)} />
        </div>
      </Card>
      <p className="text-sm text-slate-500">
        A role change or deactivation applies at once, to the person on the web and to every app they connected: a deactivated member&rsquo;s apps are
        refused here until they are reactivated.
      </p>
    </div>
  );
}

import type { Metadata } from "next";
import { InvitationTable } from "@/components/settings/invitation-table";
import { InviteForm } from "@/components/settings/invite-form";
import { MemberTable } from "@/components/settings/member-table";
import { Card } from "@/components/ui/card";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { invitableRoles, INVITATION_TTL_DAYS } from "@/lib/domain/invitations/invitation-rules";
import { listInvitations } from "@/lib/domain/invitations/list-invitations";
import { listMemberSettings } from "@/lib/domain/members/member-settings-view";
import { attempt } from "@/lib/web/domain-result";
import { changeMemberRoleAction, inviteAction, removeMemberAction, revokeInvitationAction, setMemberStatusAction } from "../actions";

export const metadata: Metadata = { title: "Members · Settings" };

export default async function MembersSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const result = await attempt(async () => ({ members: await listMemberSettings(actor), invitations: await listInvitations(actor) }));
  if (!result.ok) return <RefusedNotice title="Members are managed by owners and admins" message={result.error.message} />;
  const { members, invitations } = result.value;

  return (
    <div className="space-y-4">
      <Card
        title="Invite someone"
        description={`They get a link that works once, for ${INVITATION_TTL_DAYS} days: accepting it creates their account, or adds this workspace to the one they have. Hourbook sends no email — copy the link and send it yourself.`}
      >
        <InviteForm action={inviteAction.bind(null, slug)} roles={invitableRoles(actor)} pendingLinks={invitations.flatMap((i) => (i.link ? [i.link] : []))} />
      </Card>
      {invitations.length ? (
        <Card title="Pending invitations" description="Copy a link again, or withdraw it: a withdrawn link stops working at once. Inviting the same email again replaces its invitation.">
          <div className="-mx-5 -my-4">
            <InvitationTable invitations={invitations} revokeAction={revokeInvitationAction.bind(null, slug)} timeZone={workspace.timeZone} />
          </div>
        </Card>
      ) : null}
      <Card
        title="Members"
        description="Owners manage everyone; admins move people between member and admin. Nobody changes their own role, and there is always an active owner."
      >
        <div className="-mx-5 -my-4">
          <MemberTable
            members={members}
            roleAction={changeMemberRoleAction.bind(null, slug)}
            statusAction={setMemberStatusAction.bind(null, slug)}
            removeAction={removeMemberAction.bind(null, slug)}
          />
        </div>
      </Card>
      <p className="text-sm text-slate-500">
        A role change, deactivation or removal applies at once, to the person on the web and to every app they connected: a deactivated member&rsquo;s apps
        are refused here until they are reactivated; a removed member&rsquo;s apps are disconnected, and their time entries stay.
      </p>
    </div>
  );
}

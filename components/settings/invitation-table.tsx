import { When } from "@/components/integrations/when";
import { Badge } from "@/components/ui/badge";
import { CopyButton } from "@/components/ui/copy-button";
import { Table, Td } from "@/components/ui/table";
import type { PendingInvitationView } from "@/lib/domain/invitations/list-invitations";
import type { ActionState } from "@/lib/web/action-state";
import { RevokeInvitationForm } from "./revoke-invitation-form";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", member: "Member" } as const;

/** Pending invitations: who, as what, until when; copy the link again, or withdraw it. */
export function InvitationTable({
  invitations,
  revokeAction,
  timeZone,
}: {
  invitations: PendingInvitationView[];
  revokeAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  timeZone: string;
}) {
  return (
    <Table caption="Pending invitations" columns={["Email", "Role", "Expires"]} actions>
      {invitations.map((i) => (
        <tr key={i.id} data-testid="invitation-row">
          <Td>
            <p className="font-medium text-slate-900">{i.email}</p>
            {i.invitedBy ? <p className="text-xs text-slate-500">Invited by {i.invitedBy}</p> : null}
          </Td>
          <Td>{ROLE_LABELS[i.role]}</Td>
          <Td className="whitespace-nowrap text-xs">{i.expired ? <Badge tone="amber">Expired</Badge> : <When at={i.expiresAt} timeZone={timeZone} />}</Td>
          <Td>
            <div className="flex flex-wrap items-center gap-2">
              {i.link && !i.expired ? (
                <CopyButton value={i.link} label={`Copy link for ${i.email}`}>
                  Copy link
                </CopyButton>
              ) : null}
              {i.canRevoke ? <RevokeInvitationForm action={revokeAction} invitationId={i.id} email={i.email} /> : null}
            </div>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";
import type { MemberSettingsRow } from "@/lib/domain/members/member-settings-view";
import type { ActionState } from "@/lib/web/action-state";
import { MemberRemoveForm } from "./member-remove-form";
import { MemberRoleForm } from "./member-role-form";
import { MemberStatusForm } from "./member-status-form";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", member: "Member" } as const;
const STATUS = { active: { tone: "green", label: "Active" }, inactive: { tone: "gray", label: "Inactive" }, removed: { tone: "red", label: "Removed" } } as const;

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** Everyone in the workspace; the role and status controls appear only where a change is allowed. */
export function MemberTable({
  members,
  roleAction,
  statusAction,
  removeAction,
}: {
  members: MemberSettingsRow[];
  roleAction: Action;
  statusAction: Action;
  removeAction: Action;
}) {
  return (
    <Table caption="Members" columns={["Member", "Role", "Status"]} actions>
      {members.map((m) => (
        <tr key={m.membershipId} data-testid="member-row">
          <Td>
            <p className="font-medium text-slate-900">
              {m.name}
              {m.isYou ? <span className="ml-1 text-xs font-normal text-slate-500">(you)</span> : null}
            </p>
            <p className="text-xs text-slate-500">{m.email}</p>
          </Td>
          <Td>
            {m.roleOptions.length ? (
              <MemberRoleForm action={roleAction} membershipId={m.membershipId} name={m.name} role={m.role} options={m.roleOptions} />
            ) : (
              ROLE_LABELS[m.role]
            )}
          </Td>
          <Td>
            <Badge tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Badge>
          </Td>
          <Td>
            <div className="flex flex-wrap items-start gap-2">
              {m.canChangeStatus ? (
                <MemberStatusForm action={statusAction} membershipId={m.membershipId} name={m.name} active={m.status === "active"} />
              ) : m.lockedReason ? (
                <span className="text-xs text-slate-500">{m.lockedReason}</span>
              ) : null}
              {m.canRemove ? <MemberRemoveForm action={removeAction} membershipId={m.membershipId} name={m.name} /> : null}
            </div>
          </Td>
        </tr>
      ))}
    </Table>
  );
}

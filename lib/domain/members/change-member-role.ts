/** Gives a member another role (owner, admin, member) under the rules in member-change-rules. */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { applyMemberChange, type ChangedMember } from "./apply-member-change";

export const ChangeMemberRoleInput = z.object({
  membershipId: Id,
  role: z.enum(["owner", "admin", "member"], "must be owner, admin or member"),
});

export async function changeMemberRole(actor: Actor, input: z.input<typeof ChangeMemberRoleInput>): Promise<ChangedMember> {
  assertCan(actor, "members:manage", "change roles");
  const { membershipId, role } = parseInput(ChangeMemberRoleInput, input);
  return applyMemberChange(actor, membershipId, { kind: "role", to: role }, async (tx, before) => {
    await recordAuditEvent(
      { type: "member.role_changed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { memberUserId: before.userId, memberName: before.name, from: before.role, to: role } },
      tx,
    );
  });
}

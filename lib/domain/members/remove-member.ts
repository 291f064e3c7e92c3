/**
 * Removes a member from the workspace: the membership is kept with status `removed` (so their
 * time entries keep their author) but gives no access, and every connection they made into this
 * workspace is ended in the same transaction (their connections to other workspaces stay). The
 * rules are member-change-rules' — never yourself, only owners remove owners, never the last
 * active owner. They come back only through a new invitation.
 */
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { endMemberGrants } from "@/lib/domain/connections/end-member-grants";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { applyMemberChange, type ChangedMember } from "./apply-member-change";

const MemberRef = z.object({ membershipId: Id });

export async function removeMember(actor: Actor, input: z.input<typeof MemberRef>): Promise<ChangedMember & { grantsRevoked: number }> {
  assertCan(actor, "members:manage", "remove members");
  const { membershipId } = parseInput(MemberRef, input);
  let grantsRevoked = 0;
  const member = await applyMemberChange(actor, membershipId, { kind: "status", to: "removed" }, async (tx, before) => {
    grantsRevoked = await endMemberGrants(tx, actor.workspaceId, before.userId, { userId: actor.userId });
    await recordAuditEvent(
      { type: "member.removed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { memberUserId: before.userId, memberName: before.name, from: before.role, grantsRevoked } },
      tx,
    );
  });
  return { ...member, grantsRevoked };
}

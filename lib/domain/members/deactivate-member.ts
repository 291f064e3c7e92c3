/**
 * Deactivates a membership: the person can no longer open the workspace, and every
 * connection they made into it is refused on its next request (403) until reactivated.
 */
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { applyMemberChange, type ChangedMember } from "./apply-member-change";

const MemberRef = z.object({ membershipId: Id });

export async function deactivateMember(actor: Actor, input: z.input<typeof MemberRef>): Promise<ChangedMember> {
  assertCan(actor, "members:manage", "deactivate members");
  const { membershipId } = parseInput(MemberRef, input);
  return applyMemberChange(actor, membershipId, { kind: "status", to: "inactive" }, (tx, before) =>
    recordAuditEvent({ type: "member.deactivated", workspaceId: actor.workspaceId, userId: actor.userId, detail: { memberUserId: before.userId, memberName: before.name } }, tx),
  );
}

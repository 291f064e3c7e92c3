/** Reactivates a membership: the person and their still-live connections get back in. */
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { applyMemberChange, type ChangedMember } from "./apply-member-change";

const MemberRef = z.object({ membershipId: Id });

export async function reactivateMember(actor: Actor, input: z.input<typeof MemberRef>): Promise<ChangedMember> {
  assertCan(actor, "members:manage", "reactivate members");
  const { membershipId } = parseInput(MemberRef, input);
  return applyMemberChange(actor, membershipId, { kind: "status", to: "active" }, (tx, before) =>
    recordAuditEvent({ type: "member.reactivated", workspaceId: actor.workspaceId, userId: actor.userId, detail: { memberUserId: before.userId, memberName: before.name } }, tx),
  );
}

/**
 * The one write path for role and status changes: load the member in the actor's workspace,
 * check the rules, apply the change only if the row is still as it was read, and re-check
 * inside the transaction that an active owner remains (two owners demoting each other at
 * the same moment must not leave the workspace without one: the transaction is SERIALIZABLE,
 * so on PostgreSQL one of the two is aborted and answered with a conflict).
 */
import { serializableTransaction, type DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { conflict, notFound } from "@/lib/domain/errors";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { LAST_OWNER, memberChangeRefusal, type MemberChange, type MemberFacts } from "./member-change-rules";

export interface ChangedMember {
  membershipId: string;
  userId: string;
  name: string;
  role: Role;
  status: MembershipStatus;
}

export async function applyMemberChange(
  actor: Actor,
  membershipId: string,
  change: MemberChange,
  audit: (tx: DbTx, before: MemberFacts) => Promise<void>,
): Promise<ChangedMember> {
  return serializableTransaction(async (tx) => {
    const member = await tx.membership.findFirst({ where: { id: membershipId, workspaceId: actor.workspaceId }, include: { user: { select: { name: true } } } });
    if (!member) throw notFound("Member");
    const before: MemberFacts = { userId: member.userId, name: member.user.name, role: member.role, status: member.status };
    const activeOwners = await countActiveOwners(tx, actor.workspaceId);
    const refusal = memberChangeRefusal(actor, before, change, activeOwners);
    if (refusal) throw refusal;

    const data = change.kind === "role" ? { role: change.to } : { status: change.to };
    const { count } = await tx.membership.updateMany({ where: { id: member.id, role: member.role, status: member.status }, data });
    if (count === 0) throw conflict(`${before.name}'s membership changed meanwhile; reload and try again.`);
    if ((await countActiveOwners(tx, actor.workspaceId)) === 0) throw conflict(LAST_OWNER);
    await audit(tx, before);
    return { membershipId: member.id, userId: member.userId, name: before.name, role: change.kind === "role" ? change.to : member.role, status: change.kind === "status" ? change.to : member.status };
  }, () => conflict("The workspace's members changed meanwhile; reload and try again."));
}

function countActiveOwners(tx: DbTx, workspaceId: string): Promise<number> {
  return tx.membership.count({ where: { workspaceId, role: "owner", status: "active" } });
}

/** One of the person's approvals; another person's is the same miss as a made-up id. */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { DomainError } from "@/lib/domain/errors";
import { APPROVAL_WITH_WORKSPACE, approvalView, type ApprovalView } from "./approval-view";

export const APPROVAL_NOT_FOUND = "This approval request was not found. It may belong to another account, or be more than a day old.";

export async function getApproval(userId: string, id: string): Promise<ApprovalView> {
  const row = await db.actionApproval.findFirst({ where: { id, userId }, include: APPROVAL_WITH_WORKSPACE });
  if (!row) throw new DomainError("not_found", APPROVAL_NOT_FOUND);
  return approvalView(row, now());
}

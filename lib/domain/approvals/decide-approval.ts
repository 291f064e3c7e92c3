/**
 * The person approves or denies an action an app asked for. Only the person the connection
 * belongs to can decide, once, while it has not expired: a conditional update, so a second
 * decision (another tab, a double click) finds nothing pending. Approving does not perform the
 * action — the app's retry with its confirmation token does, once. Both go to the workspace's
 * audit log.
 */
import { db } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { now } from "@/lib/domain/clock";
import { conflict, DomainError } from "@/lib/domain/errors";
import { APPROVAL_WITH_WORKSPACE, approvalView, type ApprovalView } from "./approval-view";
import { APPROVAL_NOT_FOUND } from "./get-approval";

export type ApprovalDecision = "approve" | "deny";

export async function decideApproval(userId: string, id: string, decision: ApprovalDecision): Promise<ApprovalView> {
  const at = now();
  const status = decision === "approve" ? "approved" : "denied";
  return db.$transaction(async (tx) => {
    const { count } = await tx.actionApproval.updateMany({ where: { id, userId, status: "pending", expiresAt: { gt: at } }, data: { status, decidedAt: at } });
    const row = await tx.actionApproval.findFirst({ where: { id, userId }, include: APPROVAL_WITH_WORKSPACE });
    if (!row) throw new DomainError("not_found", APPROVAL_NOT_FOUND);
    const view = approvalView(row, at);
    if (count === 0) {
      if (view.status === "expired") throw conflict(`This request expired before it was decided, so nothing was done. Ask ${row.appName} to try again if you still want it.`);
      throw conflict(`You already ${view.status} this request.`);
    }
    await recordAuditEvent(
      {
        type: status === "approved" ? "approval.approved" : "approval.denied",
        workspaceId: row.workspaceId,
        userId,
        clientId: row.clientId,
        grantId: row.grantId,
        detail: { app: row.appName, tool: row.operation, summary: row.summary },
      },
      tx,
    );
    return view;
  });
}

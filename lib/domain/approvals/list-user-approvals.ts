/**
 * The person's approvals: every pending one, then the others of the last day (by expiry, which
 * follows the request by five minutes), newest first.
 */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { APPROVAL_WITH_WORKSPACE, approvalView, type ApprovalView } from "./approval-view";

const RECENT_MS = 24 * 3600 * 1000;
const LIMIT = 50;

export async function listUserApprovals(userId: string): Promise<{ pending: ApprovalView[]; recent: ApprovalView[] }> {
  const at = now();
  const rows = await db.actionApproval.findMany({
    where: { userId, expiresAt: { gt: new Date(at.getTime() - RECENT_MS) } },
    include: APPROVAL_WITH_WORKSPACE,
    orderBy: [{ expiresAt: "desc" }, { id: "desc" }],
    take: LIMIT,
  });
  const views = rows.map((row) => approvalView(row, at));
  return { pending: views.filter((v) => v.status === "pending"), recent: views.filter((v) => v.status !== "pending") };
}

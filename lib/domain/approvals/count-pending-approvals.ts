/** How many actions wait for the person's approval right now: the badge in the account navigation. */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";

export function countPendingApprovals(userId: string): Promise<number> {
  return db.actionApproval.count({ where: { userId, status: "pending", expiresAt: { gt: now() } } });
}

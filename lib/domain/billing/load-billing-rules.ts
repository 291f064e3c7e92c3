import type { DbTx } from "@/lib/db";
import { db } from "@/lib/db";
import type { BillingRuleLike } from "./rule-precedence";

/** The workspace's active billing rules, loaded once per operation and evaluated in memory. */
export function loadBillingRules(workspaceId: string, tx: DbTx = db): Promise<BillingRuleLike[]> {
  return tx.billingRule.findMany({ where: { workspaceId, active: true } });
}

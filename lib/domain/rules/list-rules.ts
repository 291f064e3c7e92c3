import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { ruleInclude, toRuleView, type RuleView } from "./rule-view";

export async function listRules(actor: Actor): Promise<RuleView[]> {
  assertCan(actor, "rules:read", "view billing rules");
  const [{ currency }, rows] = await Promise.all([
    loadWorkspace(actor),
    db.billingRule.findMany({ where: { workspaceId: actor.workspaceId }, include: ruleInclude, orderBy: [{ kind: "asc" }, { createdAt: "asc" }] }),
  ]);
  return rows.map((row) => toRuleView(row, currency));
}

import type { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { parseInput } from "@/lib/domain/errors";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { resolveRuleScope, RuleDefinition } from "./rule-input";
import { ruleInclude, toRuleView, type RuleView } from "./rule-view";

export const CreateRuleInput = RuleDefinition;
export type CreateRuleInput = z.input<typeof CreateRuleInput>;

/**
 * Adds a billing rule. Rate rules apply to entries saved from now on; rounding and minimums
 * apply when billing. `tx`: a transaction to write in (a keyed call's), else one of its own.
 */
export async function createRule(actor: Actor, input: CreateRuleInput, tx?: DbTx): Promise<RuleView> {
  assertCan(actor, "rules:write", "manage billing rules");
  const data = parseInput(CreateRuleInput, input);
  const { currency } = await loadWorkspace(actor);
  const row = await inTransaction(tx, async (tx) => {
    const scope = await resolveRuleScope(tx, actor, data);
    const created = await tx.billingRule.create({
      data: {
        workspaceId: actor.workspaceId,
        name: data.name,
        kind: data.kind,
        active: data.active,
        ...scope,
        roundingIncrementSeconds: data.kind === "rounding" ? data.roundingIncrementSeconds : null,
        roundingDirection: data.kind === "rounding" ? data.roundingDirection : null,
        minimumSeconds: data.kind === "minimum_duration" ? data.minimumSeconds : null,
        hourlyRate: data.kind === "rate_override" ? data.hourlyRate : null,
      },
      include: ruleInclude,
    });
    const view = toRuleView(created, currency);
    await recordAuditEvent({ type: "rule.created", workspaceId: actor.workspaceId, userId: actor.userId, detail: { name: view.name, effect: view.effect, scope: view.scope } }, tx);
    return created;
  });
  return toRuleView(row, currency);
}

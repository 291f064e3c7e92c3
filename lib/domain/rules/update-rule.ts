import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent, type FieldChange } from "@/lib/domain/audit/record-audit-event";
import { invalidInput, notFound, parseInput } from "@/lib/domain/errors";
import { HourlyRate, Id, Name, OptionalId } from "@/lib/domain/schemas";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";
import { MinimumSeconds, resolveRuleScope, RoundingDirectionInput, RoundingIncrement } from "./rule-input";
import { ruleInclude, toRuleView, type RuleView } from "./rule-view";

export const UpdateRuleInput = z.object({
  id: Id,
  name: Name.optional(),
  active: z.boolean().optional(),
  clientId: OptionalId.optional(),
  projectId: OptionalId.optional(),
  membershipId: OptionalId.optional(),
  roundingIncrementSeconds: RoundingIncrement.optional(),
  roundingDirection: RoundingDirectionInput.optional(),
  minimumSeconds: MinimumSeconds.optional(),
  hourlyRate: HourlyRate.optional(),
});
export type UpdateRuleInput = z.input<typeof UpdateRuleInput>;

const SETTINGS_OF_KIND = {
  rounding: ["roundingIncrementSeconds", "roundingDirection"],
  minimum_duration: ["minimumSeconds"],
  rate_override: ["hourlyRate"],
} as const;

/** Changes a rule's name, scope, settings or active flag. A rule's kind is fixed. */
export async function updateRule(actor: Actor, input: UpdateRuleInput): Promise<RuleView> {
  assertCan(actor, "rules:write", "manage billing rules");
  const { id, name, active, clientId, projectId, membershipId, ...settings } = parseInput(UpdateRuleInput, input);
  const { currency } = await loadWorkspace(actor);
  const row = await db.$transaction(async (tx) => {
    const rule = await tx.billingRule.findFirst({ where: { id, workspaceId: actor.workspaceId }, include: ruleInclude });
    if (!rule) throw notFound("Billing rule");
    const allowed: readonly string[] = SETTINGS_OF_KIND[rule.kind];
    const foreign = Object.entries(settings).filter(([key, value]) => value !== undefined && !allowed.includes(key));
    if (foreign.length) {
      const fields = foreign.map(([key]) => key);
      throw invalidInput(`A ${rule.kind} rule has no ${fields.join(", ")}; create a new rule of the right kind instead.`, {
        [fields[0] ?? "_"]: "does not apply to this kind of rule",
      });
    }
    const scope = await resolveRuleScope(tx, actor, {
      clientId: clientId === undefined ? (projectId === undefined ? rule.clientId : null) : clientId,
      projectId: projectId === undefined ? rule.projectId : projectId,
      membershipId: membershipId === undefined ? rule.membershipId : membershipId,
    });
    const updated = await tx.billingRule.update({ where: { id }, data: { name, active, ...scope, ...settings }, include: ruleInclude });
    const changes = ruleChanges(toRuleView(rule, currency), toRuleView(updated, currency));
    if (changes.length) {
      await recordAuditEvent({ type: "rule.updated", workspaceId: actor.workspaceId, userId: actor.userId, detail: { name: updated.name, changes: changes.map((c) => ({ ...c })) } }, tx);
    }
    return updated;
  });
  return toRuleView(row, currency);
}

/** What a rule change changed, in the words the Billing rules page uses. */
function ruleChanges(before: RuleView, after: RuleView): FieldChange[] {
  const fields: Array<[string, (v: RuleView) => string]> = [
    ["Name", (v) => v.name],
    ["Active", (v) => (v.active ? "on" : "off")],
    ["Effect", (v) => v.effect],
    ["Applies to", (v) => v.scope],
  ];
  return fields.flatMap(([field, read]) => (read(before) === read(after) ? [] : [{ field, from: read(before), to: read(after) }]));
}

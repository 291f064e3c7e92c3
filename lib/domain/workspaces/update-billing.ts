/**
 * Changes the workspace's plan and billing state. There is no billing provider: this stands
 * in for its webhooks, so every access rule can be exercised by hand. Owners only. Connected
 * apps feel it on their next request: the free plan has no API access, past due is read-only,
 * canceled is refused.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent, type FieldChange } from "@/lib/domain/audit/record-audit-event";
import { parseInput, workspaceNotFound } from "@/lib/domain/errors";
import type { BillingState, Plan } from "@/lib/generated/prisma/enums";


export const UpdateBillingInput = z.object({
  plan: z.enum(["free", "pro", "business"], "must be free, pro or business"),
  billingState: z.enum(["active", "trialing", "past_due", "canceled"], "must be active, trialing, past_due or canceled"),
});

export const PLAN_WORDS: Record<Plan, string> = { free: "Free", pro: "Pro", business: "Business" };
export const BILLING_STATE_WORDS: Record<BillingState, string> = { active: "Active", trialing: "Trialing", past_due: "Past due", canceled: "Canceled" };

export async function updateBilling(actor: Actor, input: z.input<typeof UpdateBillingInput>): Promise<{ plan: Plan; billingState: BillingState; changes: FieldChange[] }> {
  assertCan(actor, "workspace:manage", "change the plan or billing");
  const next = parseInput(UpdateBillingInput, input);
  return db.$transaction(async (tx) => {
    const current = await tx.workspace.findUnique({ where: { id: actor.workspaceId }, select: { plan: true, billingState: true } });
    if (!current) throw workspaceNotFound();
    const changes: FieldChange[] = [];
    if (current.plan !== next.plan) changes.push({ field: "Plan", from: PLAN_WORDS[current.plan], to: PLAN_WORDS[next.plan] });
    if (current.billingState !== next.billingState) changes.push({ field: "Billing state", from: BILLING_STATE_WORDS[current.billingState], to: BILLING_STATE_WORDS[next.billingState] });
    if (changes.length) {
      await tx.workspace.update({ where: { id: actor.workspaceId }, data: next });
      await recordAuditEvent({ type: "billing.changed", workspaceId: actor.workspaceId, userId: actor.userId, detail: { changes: changes.map((c) => ({ ...c })) } }, tx);
    }
    return { ...next, changes };
  });
}

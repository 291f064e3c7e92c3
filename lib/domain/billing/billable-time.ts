/**
 * The billable duration and amount of one time entry after the workspace's rounding and
 * minimum-duration rules. Rounding comes first (per entry, to the rule's increment), then
 * the minimum: a 5-minute call with a 15-minute round-up and a 30-minute minimum bills 30.
 */
import type { RoundingDirection } from "@/lib/generated/prisma/enums";
import { amountForSeconds } from "@/lib/domain/money";
import { selectRule, type BillingRuleLike, type EntryScope } from "./rule-precedence";

export function roundSeconds(seconds: number, incrementSeconds: number, direction: RoundingDirection): number {
  if (incrementSeconds <= 0) return seconds;
  const units = seconds / incrementSeconds;
  const rounded = direction === "up" ? Math.ceil(units) : direction === "down" ? Math.floor(units) : Math.round(units);
  return rounded * incrementSeconds;
}

export interface BilledTime {
  billableSeconds: number;
  amount: number;
  /** Rules that changed the duration, for showing "rounded up to 0:15 by <rule>". */
  appliedRuleIds: string[];
}

export function billTimeEntry(
  entry: { durationSeconds: number; hourlyRate: number },
  scope: EntryScope,
  rules: readonly BillingRuleLike[],
): BilledTime {
  let seconds = entry.durationSeconds;
  const appliedRuleIds: string[] = [];
  const rounding = selectRule(rules, "rounding", scope);
  if (rounding?.roundingIncrementSeconds && rounding.roundingDirection) {
    const rounded = roundSeconds(seconds, rounding.roundingIncrementSeconds, rounding.roundingDirection);
    if (rounded !== seconds) appliedRuleIds.push(rounding.id);
    seconds = rounded;
  }
  const minimum = selectRule(rules, "minimum_duration", scope);
  if (minimum?.minimumSeconds && seconds < minimum.minimumSeconds) {
    seconds = minimum.minimumSeconds;
    appliedRuleIds.push(minimum.id);
  }
  return { billableSeconds: seconds, amount: amountForSeconds(seconds, entry.hourlyRate), appliedRuleIds };
}

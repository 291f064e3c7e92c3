/**
 * The hourly rate a time entry is recorded at (snapshotted on the entry when it is saved).
 * A project's own rate counts as a project-scoped setting: a rate rule scoped to the
 * project (with or without a member) beats it, broader rules do not.
 */
import { PROJECT_SPECIFICITY, ruleSpecificity, selectRule, type BillingRuleLike, type EntryScope } from "./rule-precedence";

export type RateSource = { type: "rule"; ruleId: string } | { type: "project" } | { type: "workspace" };

export interface ResolvedRate {
  hourlyRate: number;
  source: RateSource;
}

export function resolveHourlyRate(input: {
  rules: readonly BillingRuleLike[];
  entry: EntryScope;
  projectRate: number | null;
  workspaceRate: number;
}): ResolvedRate {
  const rule = selectRule(input.rules, "rate_override", input.entry);
  const ruleRate = rule?.hourlyRate ?? null;
  if (rule && ruleRate !== null && (input.projectRate === null || ruleSpecificity(rule) >= PROJECT_SPECIFICITY)) {
    return { hourlyRate: ruleRate, source: { type: "rule", ruleId: rule.id } };
  }
  if (input.projectRate !== null) return { hourlyRate: input.projectRate, source: { type: "project" } };
  return { hourlyRate: input.workspaceRate, source: { type: "workspace" } };
}


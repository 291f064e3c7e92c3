/**
 * Which billing rule applies to a time entry. A rule's scope fields (client, project,
 * member) must all match the entry; among the matching rules of one kind the most
 * specific wins:
 *
 *   project + member  >  project  >  client + member  >  client  >  member  >  whole workspace
 *
 * A project implies its client, so a rule scoped to a project ignores its client field.
 * Ties (two rules with the same scope) go to the most recently created rule.
 */
import type { RoundingDirection, RuleKind } from "@/lib/generated/prisma/enums";

export interface RuleScope {
  clientId: string | null;
  projectId: string | null;
  membershipId: string | null;
}

export interface BillingRuleLike extends RuleScope {
  id: string;
  kind: RuleKind;
  active: boolean;
  roundingIncrementSeconds: number | null;
  roundingDirection: RoundingDirection | null;
  minimumSeconds: number | null;
  hourlyRate: number | null;
  createdAt: Date;
}

/** Where an entry sits: the scope a rule is matched against. */
export interface EntryScope {
  clientId: string;
  projectId: string;
  membershipId: string;
}

export const PROJECT_SPECIFICITY = 4;

export function ruleSpecificity(rule: RuleScope): number {
  const place = rule.projectId ? PROJECT_SPECIFICITY : rule.clientId ? 2 : 0;
  return place + (rule.membershipId ? 1 : 0);
}

export function ruleMatches(rule: RuleScope, entry: EntryScope): boolean {
  if (rule.projectId) {
    if (rule.projectId !== entry.projectId) return false;
  } else if (rule.clientId && rule.clientId !== entry.clientId) {
    return false;
  }
  return !rule.membershipId || rule.membershipId === entry.membershipId;
}

export function selectRule<R extends BillingRuleLike>(rules: readonly R[], kind: RuleKind, entry: EntryScope): R | undefined {
  let best: R | undefined;
  for (const rule of rules) {
    if (!rule.active || rule.kind !== kind || !ruleMatches(rule, entry)) continue;
    if (!best || outranks(rule, best)) best = rule;
  }
  return best;
}

/** More specific wins, then newer, then the larger id: the choice never depends on the rules' order. */
function outranks(a: BillingRuleLike, b: BillingRuleLike): boolean {
  const specificityA = ruleSpecificity(a);
  const specificityB = ruleSpecificity(b);
  if (specificityA > specificityB) return true;
  if (specificityA < specificityB) return false;
  const createdA = a.createdAt.getTime();
  const createdB = b.createdAt.getTime();
  if (createdA > createdB) return true;
  if (createdA < createdB) return false;
  // Stryker disable next-line EqualityOperator: ids are unique, so two rules never tie on id
  return a.id > b.id;
}

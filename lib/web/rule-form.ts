/**
 * Reading the billing-rule form. The scope is one "applies to" choice (the whole
 * workspace, a client or a project) plus an optional member; settings are typed in
 * minutes and money and stored as seconds and minor units.
 */
import { invalidInput } from "@/lib/domain/errors";
import type { CreateRuleInput } from "@/lib/domain/rules/create-rule";
import type { UpdateRuleInput } from "@/lib/domain/rules/update-rule";
import { checkbox, minutes, money, optionalText, text } from "@/lib/web/form-data";

export const RULE_KINDS = [
  { value: "rounding", label: "Rounding" },
  { value: "minimum_duration", label: "Minimum duration" },
  { value: "rate_override", label: "Rate override" },
] as const;
export type RuleKindName = (typeof RULE_KINDS)[number]["value"];

export const ROUNDING_DIRECTIONS = [
  { value: "up", label: "Up" },
  { value: "nearest", label: "To the nearest" },
  { value: "down", label: "Down" },
] as const;
type Direction = (typeof ROUNDING_DIRECTIONS)[number]["value"];

/** `place` is "", "client:<id>" or "project:<id>". */
export function placeValue(rule: { client: { id: string } | null; project: { id: string } | null }): string {
  return rule.project ? `project:${rule.project.id}` : rule.client ? `client:${rule.client.id}` : "";
}

function readScope(form: FormData) {
  const place = text(form, "place");
  return {
    clientId: place.startsWith("client:") ? place.slice("client:".length) : null,
    projectId: place.startsWith("project:") ? place.slice("project:".length) : null,
    membershipId: optionalText(form, "membershipId") ?? null,
  };
}

function readSettings(form: FormData, kind: string) {
  switch (kind) {
    case "rounding":
      return {
        kind,
        roundingIncrementSeconds: minutes(form, "roundingIncrementMinutes", "Increment"),
        // The domain checks the direction; the form only offers valid ones.
        roundingDirection: text(form, "roundingDirection") as Direction,
      } as const;
    case "minimum_duration":
      return { kind, minimumSeconds: minutes(form, "minimumMinutes", "Minimum") } as const;
    case "rate_override":
      return { kind, hourlyRate: money(form, "hourlyRate", "Hourly rate") } as const;
    default:
      throw invalidInput("Choose what kind of rule this is.", { kind: "choose rounding, minimum duration or rate override" });
  }
}

export function readCreateRule(form: FormData): CreateRuleInput {
  return { name: text(form, "name"), active: checkbox(form, "active"), ...readScope(form), ...readSettings(form, text(form, "kind")) };
}

/** A rule's kind is fixed; only its own settings are sent. */
export function readUpdateRule(form: FormData): UpdateRuleInput {
  const { kind: _kind, ...settings } = readSettings(form, text(form, "kind"));
  return { id: text(form, "id"), name: text(form, "name"), active: checkbox(form, "active"), ...readScope(form), ...settings };
}

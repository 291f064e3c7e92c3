/**
 * create_rule and update_rule take one flat input object (an MCP input schema is an object),
 * while the domain defines a rule as one shape per kind. These read which settings a kind
 * has from the domain's own schema, so a setting that does not fit the kind is named instead
 * of ignored.
 */
import { z } from "zod";
import { invalidInput } from "@/lib/domain/errors";
import { MinimumSeconds, RoundingDirectionInput, RoundingIncrement, RuleDefinition } from "@/lib/domain/rules/rule-input";
import { HourlyRate } from "@/lib/domain/schemas";
import { domainKey } from "@/lib/integrations/wire";

export const RuleKindArg = z.enum(["rounding", "minimum_duration", "rate_override"]);
export type RuleKind = z.infer<typeof RuleKindArg>;

export const ruleSettingArgs = {
  rounding_increment_seconds: RoundingIncrement.describe("rounding: round each entry to this many seconds, whole minutes, 60–14400 (900 = 15 minutes)"),
  rounding_direction: RoundingDirectionInput.describe("rounding: up, down or nearest"),
  minimum_seconds: MinimumSeconds.describe("minimum_duration: bill at least this many seconds per entry, whole minutes, 60–28800"),
  hourly_rate: HourlyRate.describe("rate_override: minor units (cents) per hour for entries tracked from now on"),
};

/** The settings as optional arguments: a tool checks which ones its kind needs. */
export const optionalRuleSettingArgs = {
  rounding_increment_seconds: ruleSettingArgs.rounding_increment_seconds.optional(),
  rounding_direction: ruleSettingArgs.rounding_direction.optional(),
  minimum_seconds: ruleSettingArgs.minimum_seconds.optional(),
  hourly_rate: ruleSettingArgs.hourly_rate.optional(),
};

type SettingArg = keyof typeof ruleSettingArgs;
const SETTING_ARGS = Object.keys(ruleSettingArgs) as SettingArg[];

export type RuleSettings = { [K in SettingArg]?: z.output<(typeof ruleSettingArgs)[K]> };

/** The setting arguments a rule of `kind` has, per the domain's definition. */
export function settingsOfKind(kind: RuleKind): SettingArg[] {
  const option = RuleDefinition.options.find((o) => o.shape.kind.value === kind);
  return SETTING_ARGS.filter((arg) => option !== undefined && domainKey(arg) in option.shape);
}

/** Refuses settings that belong to another kind and, for a new rule, missing ones. */
export function checkSettingsFitKind(kind: RuleKind, settings: RuleSettings, { requireAll }: { requireAll: boolean }): void {
  const own = settingsOfKind(kind);
  const foreign = SETTING_ARGS.filter((arg) => settings[arg] !== undefined && !own.includes(arg));
  if (foreign.length) {
    throw invalidInput(`A ${kind} rule has no ${foreign.join(" or ")}; its settings are ${own.join(" and ")}.`, { [foreign[0] ?? "_"]: `does not apply to a ${kind} rule` });
  }
  const missing = requireAll ? own.filter((arg) => settings[arg] === undefined) : [];
  if (missing.length) {
    throw invalidInput(`A ${kind} rule needs ${missing.join(" and ")}.`, { [missing[0] ?? "_"]: "is required" });
  }
}

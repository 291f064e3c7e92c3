import { z } from "zod";
import { createRule as createRuleInDomain, type CreateRuleInput } from "@/lib/domain/rules/create-rule";
import { ADDITIVE, defineTool } from "../tool";
import { RuleOut } from "@/lib/integrations/wire-schemas";
import { idArg, nameArg } from "./args";
import { checkSettingsFitKind, domainSettings, RuleKindArg, optionalRuleSettingArgs } from "./rule-settings";

export const createRule = defineTool({
  name: "create_rule",
  title: "Create a billing rule",
  description:
    "Adds a billing rule. kind rounding needs rounding_increment_seconds and rounding_direction (each entry's billed time is rounded); minimum_duration needs minimum_seconds (each entry bills at least that); rate_override needs hourly_rate in minor units per hour (applies to time tracked from now on). Give only the settings of the chosen kind. Scope it with client_id, project_id and/or member_id, or leave them out for all work; the most specific active rule wins. Accepts an idempotency_key for safe retries.",
  scope: "rules:write",
  permission: "rules:write",
  access: "write",
  input: z.object({
    kind: RuleKindArg.describe("rounding, minimum_duration or rate_override"),
    name: nameArg.describe('A name people recognise, e.g. "Round up to 15 minutes"'),
    ...optionalRuleSettingArgs,
    client_id: idArg("a client to limit the rule to", "list_clients").optional(),
    project_id: idArg("a project to limit the rule to", "list_projects").optional(),
    member_id: idArg("a member to limit the rule to", "member.id on time entries").optional(),
    active: z.boolean().default(true).describe("false creates it switched off"),
  }),
  output: z.object({ rule: RuleOut }),
  annotations: ADDITIVE,
  acceptsIdempotencyKey: true,
  async run({ actor, tx }, input) {
    checkSettingsFitKind(input.kind, input, { requireAll: true });
    const rule = {
      kind: input.kind,
      name: input.name,
      clientId: input.client_id,
      projectId: input.project_id,
      membershipId: input.member_id,
      active: input.active,
      ...domainSettings(input),
    } as CreateRuleInput;
    return { rule: await createRuleInDomain(actor, rule, tx) };
  },
  render: ({ rule }) => `Created rule ${rule.name}: ${rule.effect} — ${rule.scope}${rule.active ? "" : " (off)"} (${rule.id}).`,
});

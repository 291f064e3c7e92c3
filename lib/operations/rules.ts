/** Billing rules: rounding, minimum durations and rate overrides, for all work or a client, project or member. */
import { z } from "zod";
import { createRule as createRuleInDomain, type CreateRuleInput } from "@/lib/domain/rules/create-rule";
import { listRules as listRulesInDomain } from "@/lib/domain/rules/list-rules";
import { updateRule as updateRuleInDomain } from "@/lib/domain/rules/update-rule";
import { domainNamed } from "@/lib/integrations/wire";
import { RuleOut } from "@/lib/integrations/wire-schemas";
import { id, name } from "./fields";
import { defineOperation } from "./operation";
import { checkSettingsFitKind, optionalRuleSettingArgs, RuleKindArg } from "./rule-settings";

/** Who a rule applies to; create_rule and update_rule share them. */
export const ruleScopeFields = {
  name: name.describe('A name people recognise, e.g. "Round up to 15 minutes"'),
  client_id: id("a client", "list_clients").nullable().optional().describe("Limit the rule to this client (id from list_clients)"),
  project_id: id("a project", "list_projects").nullable().optional().describe("Limit the rule to this project (id from list_projects)"),
  member_id: id("a member", "member.id on time entries").nullable().optional().describe("Limit the rule to this member (member.id on time entries)"),
  active: z.boolean().default(true).describe("false creates it switched off (default true)"),
};

export const listRules = defineOperation({
  name: "list_rules",
  title: "List billing rules",
  description:
    "The workspace's billing rules: rounding (per entry, to an increment in seconds, up/down/nearest), minimum_duration (seconds billed at least per entry) and rate_override (hourly rate in minor units for new entries). Each applies to all work or to a client, project and/or member; effect and scope say it in words. Inactive rules are listed with active false. The most specific active rule wins. Rule ids go into update_rule.",
  scope: "rules:read", permission: "rules:read", effect: "read",
  input: z.object({}),
  output: z.object({ rules: z.array(RuleOut) }),
  run: async ({ actor }) => ({ rules: await listRulesInDomain(actor) }),
});

export const createRule = defineOperation({
  name: "create_rule",
  title: "Create a billing rule",
  description:
    "Adds a billing rule. kind rounding needs rounding_increment_seconds and rounding_direction (each entry's billed time is rounded); minimum_duration needs minimum_seconds (each entry bills at least that); rate_override needs hourly_rate in minor units per hour (applies to time tracked from now on). Give only the settings of the chosen kind. Scope it with client_id, project_id and/or member_id, or leave them out for all work; the most specific active rule wins.",
  scope: "rules:write", permission: "rules:write", effect: "additive",
  idempotencyKey: true,
  input: z.object({ kind: RuleKindArg.describe("rounding, minimum_duration or rate_override"), ...optionalRuleSettingArgs, ...ruleScopeFields }),
  output: z.object({ rule: RuleOut }),
  fieldNames: { membershipId: "member_id" },
  async run({ actor, tx }, { member_id, ...rule }) {
    checkSettingsFitKind(rule.kind, rule, { requireAll: true });
    return { rule: await createRuleInDomain(actor, { ...domainNamed(rule), membershipId: member_id } as CreateRuleInput, tx) };
  },
});

export const updateRule = defineOperation({
  name: "update_rule",
  title: "Update a billing rule",
  description:
    "Changes a billing rule's name, active flag, scope or settings; fields left out stay as they are. A rule's kind is fixed: only the settings of its kind can be changed (see list_rules). Scope: client_id, project_id, member_id set it, null removes that limit. Rate changes apply to time tracked from now on.",
  scope: "rules:write", permission: "rules:write", effect: "updating",
  input: z.object({
    rule_id: id("the rule", "list_rules"),
    name: name.optional().describe("New name"),
    active: z.boolean().optional().describe("false switches the rule off, true on"),
    ...optionalRuleSettingArgs,
    client_id: ruleScopeFields.client_id.describe("Limit to this client; null removes the limit"),
    project_id: ruleScopeFields.project_id.describe("Limit to this project; null removes the limit"),
    member_id: ruleScopeFields.member_id.describe("Limit to this member; null removes the limit"),
  }),
  output: z.object({ rule: RuleOut }),
  fieldNames: { id: "rule_id", membershipId: "member_id" },
  run: async ({ actor }, { rule_id, member_id, ...changes }) => ({ rule: await updateRuleInDomain(actor, { id: rule_id, ...domainNamed(changes), membershipId: member_id }) }),
});

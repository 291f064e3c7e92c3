import { z } from "zod";
import { updateRule as updateRuleInDomain } from "@/lib/domain/rules/update-rule";
import { defineTool, UPDATING } from "../tool";
import { RuleOut } from "@/lib/integrations/wire-schemas";
import { idArg, nameArg } from "./args";
import { domainSettings, optionalRuleSettingArgs } from "./rule-settings";

export const updateRule = defineTool({
  name: "update_rule",
  title: "Update a billing rule",
  description:
    "Changes a billing rule's name, active flag, scope or settings; fields left out stay as they are. A rule's kind is fixed: only the settings of its kind can be changed (see list_rules). Scope: client_id, project_id, member_id set it, null removes that limit. Rate changes apply to time tracked from now on.",
  scope: "rules:write",
  permission: "rules:write",
  access: "write",
  input: z.object({
    rule_id: idArg("the rule", "list_rules"),
    name: nameArg.optional().describe("New name"),
    active: z.boolean().optional().describe("false switches the rule off, true on"),
    ...optionalRuleSettingArgs,
    client_id: idArg("a client", "list_clients").nullable().optional().describe("Limit to this client; null removes the limit"),
    project_id: idArg("a project", "list_projects").nullable().optional().describe("Limit to this project; null removes the limit"),
    member_id: idArg("a member", "member.id on time entries").nullable().optional().describe("Limit to this member; null removes the limit"),
  }),
  output: z.object({ rule: RuleOut }),
  annotations: UPDATING,
  run: async ({ actor }, input) => ({
    rule: await updateRuleInDomain(actor, {
      id: input.rule_id,
      name: input.name,
      active: input.active,
      clientId: input.client_id,
      projectId: input.project_id,
      membershipId: input.member_id,
      ...domainSettings(input),
    }),
  }),
  render: ({ rule }) => `Updated rule ${rule.name}: ${rule.effect} — ${rule.scope}${rule.active ? "" : " (off)"} (${rule.id}).`,
});

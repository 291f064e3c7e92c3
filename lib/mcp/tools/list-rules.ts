import { z } from "zod";
import { listRules as listRulesInDomain } from "@/lib/domain/rules/list-rules";
import { defineTool, READ_ONLY } from "../tool";
import { RuleOut } from "@/lib/integrations/wire-schemas";

export const listRules = defineTool({
  name: "list_rules",
  title: "List billing rules",
  description:
    "The workspace's billing rules: rounding (per entry, to an increment in seconds, up/down/nearest), minimum_duration (seconds billed at least per entry) and rate_override (hourly rate in minor units for new entries). Each applies to all work or to a client, project and/or member; effect and scope say it in words. Inactive rules are listed with active false. Rule ids go into update_rule.",
  scope: "rules:read",
  permission: "rules:read",
  access: "read",
  input: z.object({}),
  output: z.object({ rules: z.array(RuleOut) }),
  annotations: READ_ONLY,
  run: async ({ actor }) => ({ rules: await listRulesInDomain(actor) }),
  render: ({ rules }) =>
    rules.length ? rules.map((r) => `${r.name}: ${r.effect} — ${r.scope}${r.active ? "" : " (off)"} (${r.id})`).join("\n") : "No billing rules.",
});

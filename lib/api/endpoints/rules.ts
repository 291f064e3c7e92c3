import { z } from "zod";
import { createRule, type CreateRuleInput } from "@/lib/domain/rules/create-rule";
import { listRules } from "@/lib/domain/rules/list-rules";
import { updateRule } from "@/lib/domain/rules/update-rule";
import { defineEndpoint } from "../endpoint";
import { ResourceId } from "../query";
import { RuleOut } from "../wire-schemas";
import { requestFields } from "./domain-fields";
import { bodyId, HourlyRate, Name } from "./params";

const RoundingIncrement = z.int().min(60).max(14_400).multipleOf(60).describe("rounding: round each entry to this many seconds, whole minutes, 60–14400 (900 = 15 minutes)");
const RoundingDirection = z.enum(["up", "down", "nearest"]).describe("rounding: up, down or nearest");
const MinimumSeconds = z.int().min(60).max(28_800).multipleOf(60).describe("minimum_duration: bill at least this many seconds per entry, whole minutes, 60–28800");
const RateOverride = HourlyRate.describe("rate_override: minor units (cents) per hour for entries tracked from now on");

const ScopeFields = {
  name: Name.describe('A name people recognise, e.g. "Round up to 15 minutes"'),
  client_id: bodyId("a client to limit the rule to", "GET /api/v1/clients").nullable().optional(),
  project_id: bodyId("a project to limit the rule to", "GET /api/v1/projects").nullable().optional(),
  member_id: bodyId("a member to limit the rule to", "member.id on time entries").nullable().optional(),
  active: z.boolean().optional().describe("false creates it switched off (default true)"),
};

/** One body shape per kind, so a setting of another kind is named as unknown rather than ignored. */
const CreateRuleBody = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("rounding"), rounding_increment_seconds: RoundingIncrement, rounding_direction: RoundingDirection, ...ScopeFields }),
    z.strictObject({ kind: z.literal("minimum_duration"), minimum_seconds: MinimumSeconds, ...ScopeFields }),
    z.strictObject({ kind: z.literal("rate_override"), hourly_rate: RateOverride, ...ScopeFields }),
  ],
  { error: "must be rounding, minimum_duration or rate_override" },
);
type CreateRuleBody = z.output<typeof CreateRuleBody>;

function toDomainRule(body: CreateRuleBody): CreateRuleInput {
  const scope = { name: body.name, clientId: body.client_id, projectId: body.project_id, membershipId: body.member_id, active: body.active };
  switch (body.kind) {
    case "rounding":
      return { kind: body.kind, roundingIncrementSeconds: body.rounding_increment_seconds, roundingDirection: body.rounding_direction, ...scope };
    case "minimum_duration":
      return { kind: body.kind, minimumSeconds: body.minimum_seconds, ...scope };
    case "rate_override":
      return { kind: body.kind, hourlyRate: body.hourly_rate, ...scope };
  }
}

export const listRulesEndpoint = defineEndpoint({
  method: "GET",
  path: "/api/v1/rules",
  operationId: "listRules",
  summary: "List billing rules",
  description:
    "Rounding, minimum-duration and rate-override rules, active or not, each for all work or limited to a client, project and/or member; effect and scope say it in words. The most specific active rule wins.",
  tag: "Billing rules",
  scope: "rules:read",
  permission: "rules:read",
  access: "read",
  query: z.strictObject({}),
  response: z.object({ data: z.array(RuleOut) }),
  handle: async ({ actor }) => ({ data: await listRules(actor) }),
});

export const createRuleEndpoint = defineEndpoint({
  method: "POST",
  path: "/api/v1/rules",
  operationId: "createRule",
  summary: "Create a billing rule",
  description:
    "kind rounding needs rounding_increment_seconds and rounding_direction; minimum_duration needs minimum_seconds; rate_override needs hourly_rate. Leave client_id, project_id and member_id out for all work.",
  tag: "Billing rules",
  scope: "rules:write",
  permission: "rules:write",
  access: "write",
  body: CreateRuleBody,
  response: RuleOut,
  successStatus: 201,
  idempotent: true,
  handle: ({ actor, tx }, { body }) => requestFields("body", createRule(actor, toDomainRule(body), tx), { membershipId: "member_id" }),
});

export const updateRuleEndpoint = defineEndpoint({
  method: "PATCH",
  path: "/api/v1/rules/{id}",
  operationId: "updateRule",
  summary: "Change a billing rule",
  description:
    "Name, active flag, scope or settings; fields left out stay as they are. A rule's kind is fixed: only the settings of its kind can be changed. client_id, project_id or member_id null removes that limit. Rate changes apply to time tracked from now on.",
  tag: "Billing rules",
  scope: "rules:write",
  permission: "rules:write",
  access: "write",
  params: z.strictObject({ id: ResourceId }),
  body: z.strictObject({
    name: Name.optional(),
    active: z.boolean().optional().describe("false switches the rule off, true on"),
    rounding_increment_seconds: RoundingIncrement.optional(),
    rounding_direction: RoundingDirection.optional(),
    minimum_seconds: MinimumSeconds.optional(),
    hourly_rate: RateOverride.optional(),
    client_id: ScopeFields.client_id.describe("Limit to this client; null removes the limit"),
    project_id: ScopeFields.project_id.describe("Limit to this project; null removes the limit"),
    member_id: ScopeFields.member_id.describe("Limit to this member; null removes the limit"),
  }),
  response: RuleOut,
  handle: ({ actor }, { params, body }) =>
    requestFields(
      "body",
      updateRule(actor, {
        id: params.id,
        name: body.name,
        active: body.active,
        clientId: body.client_id,
        projectId: body.project_id,
        membershipId: body.member_id,
        roundingIncrementSeconds: body.rounding_increment_seconds,
        roundingDirection: body.rounding_direction,
        minimumSeconds: body.minimum_seconds,
        hourlyRate: body.hourly_rate,
      }),
      { membershipId: "member_id" },
    ),
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createRule } from "./create-rule";
import { listRules } from "./list-rules";
import { updateRule } from "./update-rule";

let ada: Actor;
let ids: { babbage: string; menabrea: string; docs: string; graceMembership: string; foreignProject: string };

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  ids = {
    babbage: demo.babbage.id,
    menabrea: demo.menabrea.id,
    docs: demo.docs.id,
    graceMembership: (await db.membership.findFirstOrThrow({ where: { workspaceId: ada.workspaceId, role: "member" } })).id,
    foreignProject: demo.gearTrain.id,
  };
});

describe("billing rules", () => {
  it("lists the demo rules with their effect and scope in plain words", async () => {
    const rules = await listRules(ada);
    expect(rules.map((r) => [r.effect, r.scope])).toEqual(
      expect.arrayContaining([
        ["Round up 0:15", "All work"],
        ["At least 0:30 per entry", "Client Babbage & Co"],
        ["€100.00/h", "Grace Hopper on project Analytical Engine Website"],
      ]),
    );
  });

  it("records a project rule's client, and applies a new rate rule to entries saved afterwards", async () => {
    const rule = await createRule(ada, { kind: "rate_override", name: "Docs premium", hourlyRate: 15_000, projectId: ids.docs });
    expect(rule.client?.id).toBe(ids.babbage);
    const entry = await createTimeEntry(ada, { projectId: ids.docs, startedAt: new Date("2026-11-02T09:00:00Z"), durationSeconds: 600 });
    expect(entry.hourlyRate).toBe(15_000);
    await updateRule(ada, { id: rule.id, active: false });
    const later = await createTimeEntry(ada, { projectId: ids.docs, startedAt: new Date("2026-11-02T10:00:00Z"), durationSeconds: 600 });
    expect(later.hourlyRate).toBe(12_000);
  });

  it.each([
    { name: "an unknown kind", input: { kind: "discount", name: "x" }, field: "kind" },
    { name: "a rounding rule without a direction", input: { kind: "rounding", name: "x", roundingIncrementSeconds: 900 }, field: "roundingDirection" },
    { name: "a rounding increment of 90 seconds", input: { kind: "rounding", name: "x", roundingIncrementSeconds: 90, roundingDirection: "up" }, field: "roundingIncrementSeconds" },
    { name: "a sideways rounding", input: { kind: "rounding", name: "x", roundingIncrementSeconds: 900, roundingDirection: "sideways" }, field: "roundingDirection" },
    { name: "a minimum of 10 hours", input: { kind: "minimum_duration", name: "x", minimumSeconds: 36_000 }, field: "minimumSeconds" },
    { name: "a negative rate", input: { kind: "rate_override", name: "x", hourlyRate: -100 }, field: "hourlyRate" },
    { name: "an empty name", input: { kind: "rate_override", name: " ", hourlyRate: 100 }, field: "name" },
    { name: "another workspace's project", input: { kind: "rate_override", name: "x", hourlyRate: 100, projectId: "FOREIGN" }, field: "projectId" },
    { name: "a client that is not the project's", input: { kind: "rate_override", name: "x", hourlyRate: 100, projectId: "DOCS", clientId: "MENABREA" }, field: "clientId" },
  ])("refuses $name", async ({ input, field }) => {
    const swap = { FOREIGN: ids.foreignProject, DOCS: ids.docs, MENABREA: ids.menabrea } as Record<string, string>;
    const resolved = Object.fromEntries(Object.entries(input).map(([k, v]) => [k, swap[v as string] ?? v]));
    const before = await db.billingRule.count();
    await expect(createRule(ada, resolved as never)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
    expect(await db.billingRule.count()).toBe(before);
  });

  it("refuses settings of another kind when updating", async () => {
    const rule = await createRule(ada, { kind: "minimum_duration", name: "Min", minimumSeconds: 600, membershipId: ids.graceMembership });
    await expect(updateRule(ada, { id: rule.id, hourlyRate: 100 })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("minimum_duration rule has no hourlyRate"),
    });
    const updated = await updateRule(ada, { id: rule.id, minimumSeconds: 1_200, membershipId: null });
    expect(updated).toMatchObject({ minimumSeconds: 1_200, member: null, scope: "All work" });
  });
});

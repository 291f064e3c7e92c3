import { beforeAll, describe, expect, it } from "vitest";
import { callToolOver } from "@/lib/testing/mcp-call";
import { connect, seedDemoWorld, structured } from "@/lib/testing/mcp-fixtures";
import { MENABREA_UNBILLED_TOTAL } from "@/prisma/seed/demo";

let token: string;
let menabreaId: string;

beforeAll(async () => {
  const world = await seedDemoWorld();
  token = await connect(world.ada.userId, world.ada.workspaceId);
  menabreaId = world.demo.menabrea.id;
});

describe("find_billable_candidates", () => {
  it("caps the entries it lists, while the totals cover every entry", async () => {
    const args = { client_id: menabreaId, from: "2000-01-01", to: "2099-12-31" };
    const all = structured(await callToolOver(token, "find_billable_candidates", args));
    const one = structured(await callToolOver(token, "find_billable_candidates", { ...args, limit: 1 }));
    expect(all).toMatchObject({ entries_truncated: false, amount: MENABREA_UNBILLED_TOTAL });
    expect(one).toMatchObject({ entry_count: all.entry_count, entries_truncated: true, amount: MENABREA_UNBILLED_TOTAL });
    expect(one.entries).toHaveLength(1);
  });
});

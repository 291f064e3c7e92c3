import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { runReport } from "@/lib/domain/reports/run-report";
import { loadDemoData } from "@/lib/testing/demo-data";
import { listMembers, memberLabel, otherMembersToShow } from "./list-members";

let ada: Actor;
let graceMembershipId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  const grace = await db.membership.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, userId: demo.grace.id } });
  graceMembershipId = grace.id;
  await db.membership.update({ where: { id: grace.id }, data: { status: "removed" } });
});

describe("members whose time can be shown", () => {
  it("keeps a removed member pickable (their entries stay), after the present members and marked (removed)", async () => {
    const members = await listMembers(ada);
    const shown = otherMembersToShow(members, ada);
    expect(shown.map((m) => m.id)).not.toContain(ada.membershipId);
    expect(shown.at(-1)).toMatchObject({ id: graceMembershipId, status: "removed" });
    expect(shown.findIndex((m) => m.status === "removed")).toBe(shown.length - shown.filter((m) => m.status === "removed").length);
    expect(memberLabel(shown.at(-1)!)).toBe("Grace Hopper (removed)");
  });

  it("labels active and inactive members by name alone", () => {
    expect(memberLabel({ name: "Ada", status: "active" })).toBe("Ada");
    expect(memberLabel({ name: "Ada", status: "inactive" })).toBe("Ada");
  });

  it("marks a removed member's row in a report grouped by member", async () => {
    const count = await db.timeEntry.count({ where: { membershipId: graceMembershipId } });
    if (count === 0) {
      const project = await db.project.findFirstOrThrow({ where: { workspaceId: ada.workspaceId } });
      await db.timeEntry.create({ data: { workspaceId: ada.workspaceId, membershipId: graceMembershipId, projectId: project.id, startedAt: new Date("2026-01-05T09:00:00Z"), durationSeconds: 3600 } as never });
    }
    const report = await runReport(ada, { kind: "time", groupBy: "member", from: "2000-01-01", to: "2099-12-31" });
    expect(report.rows.find((r) => r.key === graceMembershipId)?.label).toBe("Grace Hopper (removed)");
    expect(report.rows.find((r) => r.key === ada.membershipId)?.label).not.toContain("(removed)");
  });
});

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { listUserWorkspaces } from "@/lib/domain/workspaces/list-user-workspaces";
import { loadDemoData } from "@/lib/testing/demo-data";
import { mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { LAST_OWNER } from "./member-change-rules";
import { listMemberSettings } from "./member-settings-view";
import { reactivateMember } from "./reactivate-member";
import { removeMember } from "./remove-member";

let ada: Actor;
let adaInEngines: Actor;
let adaId: string;
let graceId: string;
let lovelaceId: string;
let enginesId: string;
let graceMembership: string;
let graceInEngines: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  enginesId = demo.engines.id;
  ada = await resolveActor(adaId, { id: lovelaceId });
  adaInEngines = await resolveActor(adaId, { id: enginesId });
  graceMembership = (await db.membership.findFirstOrThrow({ where: { workspaceId: lovelaceId, userId: graceId } })).id;
  graceInEngines = (await db.membership.findFirstOrThrow({ where: { workspaceId: enginesId, userId: graceId } })).id;
});

beforeEach(async () => {
  await db.membership.update({ where: { id: graceMembership }, data: { role: "member", status: "active" } });
});

describe("removing a member", () => {
  it("takes away access, ends their connections into this workspace only, keeps their entries, and records it", async () => {
    const entries = await db.timeEntry.count({ where: { workspaceId: lovelaceId, membershipId: graceMembership } });
    const here = await tokensFor({ clientId: await createTestClient(), userId: graceId, workspaceId: lovelaceId, scope: "hourbook:read" });
    const elsewhere = await tokensFor({ clientId: await createTestClient(), userId: graceId, workspaceId: enginesId, scope: "hourbook:read" });

    await expect(removeMember(ada, { membershipId: graceMembership })).resolves.toMatchObject({ status: "removed", grantsRevoked: 1 });

    await expect(resolveActor(graceId, { id: lovelaceId })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("removed") });
    expect((await listUserWorkspaces(graceId)).map((w) => w.slug)).not.toContain("lovelace-studio");
    expect((await mcpRequest(here.access_token, "tools/list")).status).toBe(401);
    expect((await mcpRequest(elsewhere.access_token, "tools/list")).status).toBe(200);
    expect(await db.oAuthGrant.count({ where: { userId: graceId, workspaceId: lovelaceId, revokedAt: null } })).toBe(0);
    expect(await db.oAuthGrant.count({ where: { userId: graceId, workspaceId: lovelaceId, revokedReason: "member_removed" } })).toBe(1);
    expect(await db.timeEntry.count({ where: { workspaceId: lovelaceId, membershipId: graceMembership } })).toBe(entries);
    expect(await db.auditEvent.findFirst({ where: { type: "member.removed", workspaceId: lovelaceId }, orderBy: { createdAt: "desc" } })).toMatchObject({
      userId: adaId,
      detail: { memberUserId: graceId, memberName: "Grace Hopper", from: "member", grantsRevoked: 1 },
    });
  });

  it("is not undone by reactivating: a removed member comes back only through an invitation", async () => {
    await removeMember(ada, { membershipId: graceMembership });
    await expect(reactivateMember(ada, { membershipId: graceMembership })).rejects.toMatchObject({ code: "conflict", message: expect.stringContaining("invite them again") });
    await expect(removeMember(ada, { membershipId: graceMembership })).rejects.toMatchObject({ code: "conflict" });
    const row = (await listMemberSettings(ada)).find((r) => r.userId === graceId);
    expect(row).toMatchObject({ status: "removed", roleOptions: [], canChangeStatus: false, canRemove: false });
  });

  it("refuses a member removing anyone", async () => {
    const grace = await resolveActor(graceId, { id: lovelaceId });
    await expect(removeMember(grace, { membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden", message: "A member cannot remove members in this workspace." });
  });

  it("refuses an admin removing an owner", async () => {
    await expect(removeMember(adaInEngines, { membershipId: graceInEngines })).rejects.toMatchObject({ code: "forbidden", message: "Only an owner can remove an owner." });
    expect((await db.membership.findUniqueOrThrow({ where: { id: graceInEngines } })).status).toBe("active");
  });

  it("refuses removing yourself", async () => {
    await expect(removeMember(ada, { membershipId: ada.membershipId })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("never removes the last active owner", async () => {
    const workspace = await createWorkspace(db, { name: `Solo ${Date.now()}` });
    const [owner, other] = await Promise.all([createUser(db), createUser(db)]);
    const ownerMembership = await addMember(db, workspace.id, owner.id, "owner");
    const secondOwner = await addMember(db, workspace.id, other.id, "owner", "inactive");
    const otherActor = { userId: other.id, membershipId: secondOwner.id, workspaceId: workspace.id, role: "owner" as const };
    await expect(removeMember(otherActor, { membershipId: ownerMembership.id })).rejects.toMatchObject({ code: "conflict", message: LAST_OWNER });
    expect((await db.membership.findUniqueOrThrow({ where: { id: ownerMembership.id } })).status).toBe("active");
  });

  it("offers Remove on the Members page only where the rules allow it", async () => {
    const rows = await listMemberSettings(ada);
    expect(rows.find((r) => r.userId === graceId)?.canRemove).toBe(true);
    expect(rows.find((r) => r.userId === adaId)?.canRemove).toBe(false);
    expect((await listMemberSettings(adaInEngines)).find((r) => r.userId === graceId)?.canRemove).toBe(false);
  });

  it("does not find a membership of another workspace", async () => {
    await expect(removeMember(ada, { membershipId: graceInEngines })).rejects.toMatchObject({ code: "not_found" });
  });
});

import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import type { MembershipStatus, Role } from "@/lib/generated/prisma/enums";
import { mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { loadDemoData } from "@/lib/testing/demo-data";
import { changeMemberRole } from "./change-member-role";
import { deactivateMember } from "./deactivate-member";
import { LAST_OWNER, memberChangeRefusal, type MemberChange } from "./member-change-rules";
import { listMemberSettings } from "./member-settings-view";
import { reactivateMember } from "./reactivate-member";

describe("who may change whom", () => {
  const me = "me";
  const other = (role: Role, status: MembershipStatus = "active") => ({ userId: "them", name: "Sam", role, status });
  const toRole = (to: Role): MemberChange => ({ kind: "role", to });
  const toStatus = (to: MembershipStatus): MemberChange => ({ kind: "status", to });

  it.each<[string, Role, ReturnType<typeof other> | { userId: string; name: string; role: Role; status: MembershipStatus }, MemberChange, number, string | null]>([
    ["an owner makes a member an admin", "owner", other("member"), toRole("admin"), 1, null],
    ["an owner makes an admin a member", "owner", other("admin"), toRole("member"), 1, null],
    ["an owner makes a member an owner", "owner", other("member"), toRole("owner"), 1, null],
    ["an owner demotes another owner", "owner", other("owner"), toRole("admin"), 2, null],
    ["an owner deactivates another owner", "owner", other("owner"), toStatus("inactive"), 2, null],
    ["an admin makes a member an admin", "admin", other("member"), toRole("admin"), 1, null],
    ["an admin makes an admin a member", "admin", other("admin"), toRole("member"), 1, null],
    ["an admin deactivates a member", "admin", other("member"), toStatus("inactive"), 1, null],
    ["an admin reactivates an admin", "admin", other("admin", "inactive"), toStatus("active"), 1, null],
    ["a member changes a role", "member", other("member"), toRole("admin"), 1, "A member cannot change roles in this workspace."],
    ["a member deactivates someone", "member", other("member"), toStatus("inactive"), 1, "A member cannot deactivate members in this workspace."],
    ["an admin makes someone an owner", "admin", other("member"), toRole("owner"), 1, "Only an owner can make someone an owner."],
    ["an admin demotes an owner", "admin", other("owner"), toRole("admin"), 2, "Only an owner can change an owner's role."],
    ["an admin deactivates an owner", "admin", other("owner"), toStatus("inactive"), 2, "Only an owner can deactivate an owner."],
    ["an owner demotes themselves", "owner", { userId: me, name: "Me", role: "owner", status: "active" }, toRole("admin"), 2, "You cannot change your own role; another owner can."],
    ["an admin promotes themselves", "admin", { userId: me, name: "Me", role: "admin", status: "active" }, toRole("owner"), 1, "You cannot change your own role; another owner can."],
    ["an owner deactivates themselves", "owner", { userId: me, name: "Me", role: "owner", status: "active" }, toStatus("inactive"), 2, "You cannot change your own membership; another owner can."],
    ["the last active owner is demoted", "owner", other("owner"), toRole("member"), 1, LAST_OWNER],
    ["the last active owner is deactivated", "owner", other("owner"), toStatus("inactive"), 1, LAST_OWNER],
    ["a role is set to what it already is", "owner", other("admin"), toRole("admin"), 1, "Sam is already an admin."],
    ["an active member is activated", "owner", other("member"), toStatus("active"), 1, "Sam is already active."],
  ])("%s", (_, actorRole, target, change, activeOwners, refusal) => {
    expect(memberChangeRefusal({ userId: me, role: actorRole }, target, change, activeOwners)?.message ?? null).toBe(refusal);
  });
});

describe("changing roles and membership", () => {
  let adaId: string;
  let graceId: string;
  let lovelaceId: string;
  let ada: Actor;
  let adaInEngines: Actor;
  let graceMembership: string;
  let graceOwnerOfEngines: string;

  beforeAll(async () => {
    const demo = await loadDemoData();
    adaId = demo.ada.id;
    graceId = demo.grace.id;
    lovelaceId = demo.lovelace.id;
    const enginesId = demo.engines.id;
    ada = await resolveActor(adaId, { id: lovelaceId });
    adaInEngines = await resolveActor(adaId, { id: enginesId });
    graceMembership = (await db.membership.findFirstOrThrow({ where: { workspaceId: lovelaceId, userId: graceId } })).id;
    graceOwnerOfEngines = (await db.membership.findFirstOrThrow({ where: { workspaceId: enginesId, userId: graceId } })).id;
  });

  beforeEach(async () => {
    await db.membership.update({ where: { id: graceMembership }, data: { role: "member", status: "active" } });
  });

  it("changes a role, records who did it, and the member's connection feels it on the next request", async () => {
    const { access_token } = await tokensFor({ clientId: await createTestClient(), userId: graceId, workspaceId: lovelaceId, scope: "hourbook:read hourbook:write" });
    const tools = async () => ((await mcpRequest(access_token, "tools/list")).body.result?.tools as { name: string }[]).map((t) => t.name);
    expect(await tools()).not.toContain("send_invoice");

    await expect(changeMemberRole(ada, { membershipId: graceMembership, role: "admin" })).resolves.toMatchObject({ name: "Grace Hopper", role: "admin" });
    expect(await tools()).toContain("send_invoice");
    await changeMemberRole(ada, { membershipId: graceMembership, role: "member" });
    expect(await tools()).not.toContain("send_invoice");

    const events = await db.auditEvent.findMany({ where: { workspaceId: lovelaceId, type: "member.role_changed" }, orderBy: { createdAt: "asc" } });
    expect(events.map((e) => e.detail)).toEqual([
      { memberUserId: graceId, memberName: "Grace Hopper", from: "member", to: "admin" },
      { memberUserId: graceId, memberName: "Grace Hopper", from: "admin", to: "member" },
    ]);
    expect(events.every((e) => e.userId === adaId)).toBe(true);
  });

  it("refuses an admin changing the owner, and a member changing anyone", async () => {
    await expect(changeMemberRole(adaInEngines, { membershipId: graceOwnerOfEngines, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deactivateMember(adaInEngines, { membershipId: graceOwnerOfEngines })).rejects.toMatchObject({ code: "forbidden" });
    const grace = await resolveActor(graceId, { id: lovelaceId });
    await expect(changeMemberRole(grace, { membershipId: ada.membershipId, role: "member" })).rejects.toMatchObject({ code: "forbidden" });
    expect((await db.membership.findUniqueOrThrow({ where: { id: graceOwnerOfEngines } })).role).toBe("owner");
  });

  it("refuses the owner demoting themselves", async () => {
    await expect(changeMemberRole(ada, { membershipId: ada.membershipId, role: "admin" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("does not find a membership of another workspace", async () => {
    await expect(changeMemberRole(ada, { membershipId: graceOwnerOfEngines, role: "member" })).rejects.toMatchObject({ code: "not_found" });
  });

  it("refuses an unknown role", async () => {
    await expect(changeMemberRole(ada, { membershipId: graceMembership, role: "boss" as Role })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("deactivates (the member's connections get 403) and reactivates (they work again), with audit events", async () => {
    const { access_token } = await tokensFor({ clientId: await createTestClient(), userId: graceId, workspaceId: lovelaceId, scope: "hourbook:read" });
    await expect(deactivateMember(ada, { membershipId: graceMembership })).resolves.toMatchObject({ status: "inactive" });
    const refused = await mcpRequest(access_token, "tools/list");
    expect(refused.status).toBe(403);
    expect(refused.body.error?.message).toMatch(/membership in this workspace is inactive/);
    await expect(resolveActor(graceId, { id: lovelaceId })).rejects.toMatchObject({ code: "forbidden" });
    await expect(deactivateMember(ada, { membershipId: graceMembership })).rejects.toMatchObject({ code: "conflict" });

    await expect(reactivateMember(ada, { membershipId: graceMembership })).resolves.toMatchObject({ status: "active" });
    expect((await mcpRequest(access_token, "tools/list")).status).toBe(200);
    const types = (await db.auditEvent.findMany({ where: { workspaceId: lovelaceId, type: { startsWith: "member." } }, orderBy: { createdAt: "asc" } })).map((e) => e.type);
    expect(types.slice(-2)).toEqual(["member.deactivated", "member.reactivated"]);
  });

  it("never leaves a workspace without an active owner, even when two owners demote each other at once", async () => {
    const workspace = await createWorkspace(db, { name: "Two Owners" });
    const [first, second] = await Promise.all([createUser(db), createUser(db)]);
    const firstMembership = await addMember(db, workspace.id, first.id, "owner");
    const secondMembership = await addMember(db, workspace.id, second.id, "owner");
    const [firstActor, secondActor] = await Promise.all([resolveActor(first.id, { id: workspace.id }), resolveActor(second.id, { id: workspace.id })]);

    const outcomes = await Promise.allSettled([
      changeMemberRole(firstActor, { membershipId: secondMembership.id, role: "member" }),
      changeMemberRole(secondActor, { membershipId: firstMembership.id, role: "member" }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect((outcomes.find((o) => o.status === "rejected") as PromiseRejectedResult).reason).toMatchObject({ code: "conflict" });
    expect(await db.membership.count({ where: { workspaceId: workspace.id, role: "owner", status: "active" } })).toBe(1);
  });

  it("offers on the Members page only the changes the rules allow", async () => {
    const rows = await listMemberSettings(ada);
    const you = rows.find((r) => r.userId === adaId);
    const grace = rows.find((r) => r.userId === graceId);
    expect(you).toMatchObject({ isYou: true, roleOptions: [], canChangeStatus: false });
    expect(you?.lockedReason).toMatch(/your own membership/);
    expect(grace).toMatchObject({ roleOptions: ["owner", "admin", "member"], canChangeStatus: true, lockedReason: null });

    const asAdmin = await listMemberSettings(adaInEngines);
    expect(asAdmin.find((r) => r.userId === graceId)).toMatchObject({ role: "owner", roleOptions: [], canChangeStatus: false });
    await expect(listMemberSettings(await resolveActor(graceId, { id: lovelaceId }))).rejects.toMatchObject({ code: "forbidden" });
  });
});

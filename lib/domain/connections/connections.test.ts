import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { describeAuditEvent } from "@/lib/domain/audit/describe-audit-event";
import { listAuditEvents } from "@/lib/domain/audit/list-audit-events";
import { callToolOver, mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, postForm, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createTimeEntryRow } from "@/prisma/seed/factories";
import { env } from "@/lib/env";
import { SHOW_IDLE_ENDED_DAYS } from "./connection-view";
import { listUserAppConnections, listUserConnections } from "./list-user-connections";
import { findRevokedApp, revokeOwnAppConnections } from "./revoke-own-app-connections";
import { listWorkspaceConnections } from "./list-workspace-connections";
import { revokeOwnConnection } from "./revoke-own-connection";
import { revokeWorkspaceConnection } from "./revoke-workspace-connection";

let adaId: string;
let graceId: string;
let lovelace: { id: string; ada: Actor; grace: Actor };
let engines: { id: string; ada: Actor };
let hopperId: string;
let clientId: string;

const SCOPE = "hourbook:read hourbook:write profile:read";

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  const lovelaceId = demo.lovelace.id;
  const enginesId = demo.engines.id;
  hopperId = demo.hopper.id;
  lovelace = { id: lovelaceId, ada: await resolveActor(adaId, { id: lovelaceId }), grace: await resolveActor(graceId, { id: lovelaceId }) };
  engines = { id: enginesId, ada: await resolveActor(adaId, { id: enginesId }) };
  clientId = await createTestClient();
});

/** A fresh connection (its own client, so grants never replace each other across tests). */
async function connect(userId: string, workspaceId: string, scope = SCOPE) {
  const client = await createTestClient();
  const tokens = await tokensFor({ clientId: client, userId, workspaceId, scope });
  const grant = await db.oAuthGrant.findFirstOrThrow({ where: { clientId: client, userId, workspaceId, revokedAt: null } });
  return { ...tokens, grantId: grant.id, clientId: client };
}

const refresh = (c: { refresh_token: string; clientId: string }) =>
  postForm("token", { grant_type: "refresh_token", refresh_token: c.refresh_token, client_id: c.clientId });

describe("Account → Integrations", () => {
  it("lists the person's own live connections in every workspace, with app, workspace, access and activity", async () => {
    const inLovelace = await tokensFor({ clientId, userId: adaId, workspaceId: lovelace.id, scope: SCOPE });
    const inEngines = await connect(adaId, engines.id, "hourbook:read");
    const graces = await connect(graceId, lovelace.id);
    expect((await callToolOver(inLovelace.access_token, "get_profile")).status).toBe(200);

    const connections = await listUserConnections(adaId);
    const ids = connections.map((c) => c.grantId);
    expect(ids).toContain(inEngines.grantId);
    expect(ids).not.toContain(graces.grantId);
    expect(connections.every((c) => c.member.userId === adaId)).toBe(true);

    const lovelaceConnection = connections.find((c) => c.clientId === clientId);
    expect(lovelaceConnection).toMatchObject({
      appName: "Test Assistant",
      origin: "Registered dynamically — not verified",
      resource: "mcp",
      kindLabel: "AI assistant (MCP)",
      workspace: { name: "Lovelace Studio", slug: "lovelace-studio" },
      accessLevel: "write",
    });
    expect(lovelaceConnection?.access.map((g) => g.area)).toEqual(["Everything", "Profile"]);
    expect(lovelaceConnection?.lastUsedAt).toBeInstanceOf(Date);
    expect(lovelaceConnection?.recentActivity[0]).toMatchObject({ kind: "tool", name: "get_profile", outcome: "ok" });
    expect(connections.find((c) => c.grantId === inEngines.grantId)).toMatchObject({ workspace: { name: "Analytical Engines" }, accessLevel: "read" });
  });

  it("shows only the last five calls of a connection, newest first", async () => {
    const c = await connect(adaId, lovelace.id);
    for (const tool of ["get_profile", "get_workspace", "list_clients", "get_profile", "get_workspace", "list_clients"]) {
      await callToolOver(c.access_token, tool);
    }
    const view = (await listUserConnections(adaId)).find((x) => x.grantId === c.grantId);
    expect(view?.recentActivity.map((a) => a.name)).toEqual(["list_clients", "get_workspace", "get_profile", "list_clients", "get_workspace"]);
  });

  it("revokes the person's own connection: the next MCP call gets 401 and the refresh token is dead", async () => {
    const c = await connect(adaId, lovelace.id);
    expect((await mcpRequest(c.access_token, "tools/list")).status).toBe(200);

    await expect(revokeOwnConnection(adaId, c.grantId)).resolves.toMatchObject({ grantId: c.grantId, appName: "Test Assistant" });

    const next = await mcpRequest(c.access_token, "tools/list");
    expect(next.status).toBe(401);
    expect(next.headers.get("www-authenticate")).toContain('error="invalid_token"');
    expect((await refresh(c)).body.error).toBe("invalid_grant");
    expect((await listUserConnections(adaId)).map((x) => x.grantId)).not.toContain(c.grantId);
    expect(await db.auditEvent.findFirst({ where: { grantId: c.grantId, type: "grant.revoked" } })).toMatchObject({ userId: adaId, workspaceId: lovelace.id, detail: { reason: "user_revoked" } });
  });

  it("cannot revoke another person's connection from the account page: it is not found and keeps working", async () => {
    const graces = await connect(graceId, lovelace.id);
    await expect(revokeOwnConnection(adaId, graces.grantId)).rejects.toMatchObject({ code: "not_found" });
    expect((await mcpRequest(graces.access_token, "tools/list")).status).toBe(200);
  });

  it("refuses revoking a connection twice", async () => {
    const c = await connect(adaId, lovelace.id);
    await revokeOwnConnection(adaId, c.grantId);
    await expect(revokeOwnConnection(adaId, c.grantId)).rejects.toMatchObject({ code: "not_found" });
  });
});

describe("Account → Integrations, by app", () => {
  it("groups the installations of one app, shows each, and revokes one or all of them", async () => {
    const app = await createTestClient();
    const laptop = await tokensFor({ clientId: app, userId: adaId, workspaceId: lovelace.id, scope: SCOPE });
    const phone = await tokensFor({ clientId: app, userId: adaId, workspaceId: lovelace.id, scope: SCOPE });
    const desktop = await tokensFor({ clientId: app, userId: adaId, workspaceId: engines.id, scope: SCOPE });
    const grantIds = async () =>
      (await listUserAppConnections(adaId)).find((g) => g.clientId === app)?.live.map((c) => c.grantId).sort() ?? [];
    const group = (await listUserAppConnections(adaId)).find((g) => g.clientId === app);
    expect(group?.live).toHaveLength(3);
    expect(new Set(group?.live.map((c) => c.workspace.id))).toEqual(new Set([lovelace.id, engines.id]));

    // One: the others keep working.
    const [first] = (await listUserAppConnections(adaId)).find((g) => g.clientId === app)!.live;
    await revokeOwnConnection(adaId, first!.grantId);
    expect(await grantIds()).toHaveLength(2);

    // Another person cannot end them all, and nothing changes.
    await expect(revokeOwnAppConnections(graceId, app)).rejects.toMatchObject({ code: "not_found" });
    expect(await grantIds()).toHaveLength(2);

    // All: every remaining installation stops on its next request.
    await expect(revokeOwnAppConnections(adaId, app)).resolves.toMatchObject({ count: 2 });
    expect(await grantIds()).toEqual([]);
    for (const tokens of [laptop, phone, desktop]) expect((await mcpRequest(tokens.access_token, "tools/list")).status).toBe(401);
    await expect(revokeOwnAppConnections(adaId, app)).rejects.toMatchObject({ code: "not_found" });
    expect(await findRevokedApp(adaId, app)).toMatchObject({ appName: "Test Assistant" });
    expect(await findRevokedApp(graceId, app)).toBeNull();
  });

  it("shows a connection that ended unused as ended, for a while", async () => {
    const c = await connect(adaId, lovelace.id);
    const idleMs = env.HOURBOOK_CONNECTION_IDLE_DAYS * 24 * 60 * 60 * 1000;
    await db.oAuthGrant.update({ where: { id: c.grantId }, data: { lastUsedAt: new Date(Date.now() - idleMs - 60_000) } });
    const group = (await listUserAppConnections(adaId)).find((g) => g.clientId === c.clientId);
    expect(group?.live).toEqual([]);
    expect(group?.ended.map((e) => e.grantId)).toEqual([c.grantId]);
    expect(group?.ended[0]?.endedAt).toBeInstanceOf(Date);
    // Long after, it is gone from the page.
    await db.oAuthGrant.update({ where: { id: c.grantId }, data: { revokedAt: new Date(Date.now() - (SHOW_IDLE_ENDED_DAYS + 1) * 24 * 60 * 60 * 1000) } });
    expect((await listUserAppConnections(adaId)).find((g) => g.clientId === c.clientId)).toBeUndefined();
  });
});

describe("workspace settings → Integrations", () => {
  it("lists every member's live connections into the workspace, and only this workspace's", async () => {
    const graces = await connect(graceId, lovelace.id);
    const adas = await connect(adaId, lovelace.id);
    const elsewhere = await connect(adaId, engines.id);
    const ids = (await listWorkspaceConnections(lovelace.ada)).map((c) => c.grantId);
    expect(ids).toEqual(expect.arrayContaining([graces.grantId, adas.grantId]));
    expect(ids).not.toContain(elsewhere.grantId);
    const grace = (await listWorkspaceConnections(lovelace.ada)).find((c) => c.grantId === graces.grantId);
    expect(grace?.member).toMatchObject({ name: "Grace Hopper", email: "grace@example.com" });
  });

  it("refuses a member the workspace's connections", async () => {
    await expect(listWorkspaceConnections(lovelace.grace)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("lets the owner revoke a member's connection: the member's next MCP call gets 401", async () => {
    const graces = await connect(graceId, lovelace.id);
    expect((await mcpRequest(graces.access_token, "tools/list")).status).toBe(200);

    await expect(revokeWorkspaceConnection(lovelace.ada, graces.grantId)).resolves.toMatchObject({ memberName: "Grace Hopper" });

    expect((await mcpRequest(graces.access_token, "tools/list")).status).toBe(401);
    expect((await refresh(graces)).body.error).toBe("invalid_grant");
    expect(await db.auditEvent.findFirst({ where: { grantId: graces.grantId, type: "grant.revoked" } })).toMatchObject({ userId: adaId, detail: { reason: "admin_revoked" } });
  });

  it("lets an admin revoke even the owner's connection", async () => {
    const gracesInEngines = await connect(graceId, engines.id);
    await revokeWorkspaceConnection(engines.ada, gracesInEngines.grantId);
    expect((await mcpRequest(gracesInEngines.access_token, "tools/list")).status).toBe(401);
  });

  it("refuses a member revoking someone else's connection, which keeps working", async () => {
    const adas = await connect(adaId, lovelace.id);
    await expect(revokeWorkspaceConnection(lovelace.grace, adas.grantId)).rejects.toMatchObject({ code: "forbidden" });
    expect((await mcpRequest(adas.access_token, "tools/list")).status).toBe(200);
  });

  it("does not reach a connection in another workspace", async () => {
    const gracesInHopper = await connect(graceId, hopperId, "hourbook:read");
    await expect(revokeWorkspaceConnection(lovelace.ada, gracesInHopper.grantId)).rejects.toMatchObject({ code: "not_found" });
    expect(await db.oAuthGrant.findUniqueOrThrow({ where: { id: gracesInHopper.grantId } })).toMatchObject({ revokedAt: null });
  });
});

describe("audit log", () => {
  it("lists the workspace's events newest first with who, what and which app, a page at a time", async () => {
    const c = await connect(graceId, lovelace.id);
    await revokeWorkspaceConnection(lovelace.ada, c.grantId);

    const first = await listAuditEvents(lovelace.ada, { limit: 2 });
    expect(first.events[0]).toMatchObject({ type: "grant.revoked", what: "Connection revoked", who: "Ada Lovelace", app: "Test Assistant" });
    expect(first.events[0]?.detail).toMatch(/owner or admin/);
    expect(first.events[1]).toMatchObject({ type: "grant.created", who: "Grace Hopper" });
    expect(first.nextCursor).not.toBeNull();

    const second = await listAuditEvents(lovelace.ada, { limit: 2, cursor: first.nextCursor ?? "" });
    expect(second.events.map((e) => e.id)).not.toContain(first.events[0]?.id);
    expect(second.events[0]?.at.getTime()).toBeLessThanOrEqual(first.events[1]?.at.getTime() ?? 0);

    const everything = await listAuditEvents(lovelace.ada, { limit: 100 });
    expect(everything.events.every((e) => e.type !== "grant.created" || e.app !== null)).toBe(true);
    const times = everything.events.map((e) => e.at.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it("records a consequential MCP operation once it is performed, with the tool and what was done", async () => {
    const c = await connect(adaId, lovelace.id, "hourbook:read hourbook:write hourbook:admin");
    const project = await db.project.findFirstOrThrow({ where: { workspaceId: lovelace.id } });
    const entry = await createTimeEntryRow(db, { workspaceId: lovelace.id, membershipId: lovelace.ada.membershipId, projectId: project.id, startedAt: new Date(), durationSeconds: 1800, hourlyRate: 0, billable: false });

    const asked = await callToolOver(c.access_token, "delete_time_entry", { time_entry_id: entry.id });
    const token = String(asked.tool?.structuredContent?.confirmation_token);
    expect(await db.auditEvent.count({ where: { grantId: c.grantId, type: "mcp.consequential" } })).toBe(0);

    await callToolOver(c.access_token, "delete_time_entry", { time_entry_id: entry.id, confirmation_token: token });
    const { events } = await listAuditEvents(lovelace.ada, { limit: 1 });
    expect(events[0]).toMatchObject({ type: "mcp.consequential", who: "Ada Lovelace", app: "Test Assistant" });
    expect(events[0]?.detail).toMatch(new RegExp(`^delete_time_entry: Deleted the time entry ${entry.id}`));
  });

  it("is for owners and admins only", async () => {
    await expect(listAuditEvents(lovelace.grace)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("refuses an unreadable cursor", async () => {
    await expect(listAuditEvents(lovelace.ada, { cursor: "nonsense" })).rejects.toMatchObject({ code: "invalid_input" });
  });

  it.each([
    ["grant.revoked", { reason: "user_disabled" }, "Connection revoked", /account was disabled/],
    ["grant.created", { scope: "hourbook:read", resource: "http://localhost:3000/mcp" }, "Connection approved", /AI assistant \(MCP\); Read only/],
    ["policy.changed", { changes: [{ field: "Highest access", from: "Admin", to: "Read only" }] }, "Integration policy changed", /^Highest access: Admin → Read only$/],
    ["member.role_changed", { memberUserId: "u", memberName: "Grace Hopper", from: "member", to: "admin" }, "Member's role changed", /^Grace Hopper: member → admin$/],
    ["member.deactivated", { memberUserId: "u", memberName: "Grace Hopper" }, "Member deactivated", /^Grace Hopper$/],
    ["mcp.consequential", { tool: "send_invoice", summary: "Sent INV-0003" }, "AI assistant carried out a confirmed action", /^send_invoice: Sent INV-0003$/],
    ["refresh.reuse_detected", { reason: "refresh_reuse" }, "Refresh token reused — connection revoked", /presented again/],
    ["something.new", null, "something.new", /^$/],
  ])("describes %s in plain words", (type, detail, what, particulars) => {
    const described = describeAuditEvent(type, detail);
    expect(described.what).toBe(what);
    expect(described.detail).toMatch(particulars);
  });
});

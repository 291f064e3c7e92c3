/**
 * Connections (grants): two installations of one app each keep their own connection, and a
 * connection left unused for HOURBOOK_CONNECTION_IDLE_DAYS ends by itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { idleEndOf, isIdle } from "@/lib/domain/connections/connection-idleness";
import type { GrantRevocationReason } from "@/lib/domain/connections/end-grant";
import { endIdleGrants } from "@/lib/domain/connections/end-idle-grants";
import { listUserConnections } from "@/lib/domain/connections/list-user-connections";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { env } from "@/lib/env";
import { authorize, createTestClient, postForm, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { findLiveGrant } from "./grants";
import { verifyAccessToken } from "./verify-access-token";

const DAY_MS = 24 * 60 * 60 * 1000;
let demo: DemoData;
let adaId: string;
let lovelaceId: string;

beforeAll(async () => {
  demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
});

function grantIdOf(accessToken: string): string {
  return (JSON.parse(Buffer.from(accessToken.split(".")[1] ?? "", "base64url").toString()) as { grant_id: string }).grant_id;
}

const refresh = (clientId: string, refreshToken: string) => postForm("token", { grant_type: "refresh_token", refresh_token: refreshToken, client_id: clientId });

describe("two installations of one client_id", () => {
  it("both keep working, and revoking one leaves the other", async () => {
    const clientId = await createTestClient();
    const laptop = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId });
    const phone = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId });
    expect(grantIdOf(laptop.access_token)).not.toBe(grantIdOf(phone.access_token));

    // The first installation is untouched by the second approval.
    await expect(verifyAccessToken(laptop.access_token, "mcp")).resolves.toBeTruthy();
    const laptopRefreshed = await refresh(clientId, laptop.refresh_token);
    expect(laptopRefreshed.status).toBe(200);
    const phoneRefreshed = await refresh(clientId, phone.refresh_token);
    expect(phoneRefreshed.status).toBe(200);

    // The laptop signs out (RFC 7009): the phone keeps working.
    expect((await postForm("revoke", { token: String(laptopRefreshed.body.refresh_token), client_id: clientId })).status).toBe(200);
    await expect(verifyAccessToken(String(laptopRefreshed.body.access_token), "mcp")).rejects.toMatchObject({ code: "invalid_token" });
    await expect(verifyAccessToken(String(phoneRefreshed.body.access_token), "mcp")).resolves.toBeTruthy();
    expect((await refresh(clientId, String(phoneRefreshed.body.refresh_token))).status).toBe(200);

    const listed = (await listUserConnections(adaId)).filter((c) => c.clientId === clientId);
    expect(listed.map((c) => c.grantId)).toEqual([grantIdOf(phone.access_token)]);
  });
});

describe("a connection left unused", () => {
  const idleMs = env.HOURBOOK_CONNECTION_IDLE_DAYS * DAY_MS;

  it.each([
    ["never used, approved just under the limit ago", null, idleMs - DAY_MS, false],
    ["never used, approved just past the limit ago", null, idleMs + DAY_MS, true],
    ["last used just under the limit ago", idleMs - 60_000, idleMs + 10 * DAY_MS, false],
    ["last used exactly the limit ago", idleMs, idleMs + 10 * DAY_MS, true],
  ] as const)("%s: idle is %s", (_name, lastUsedAgo, createdAgo, idle) => {
    const now = new Date();
    const grant = { lastUsedAt: lastUsedAgo === null ? null : new Date(now.getTime() - lastUsedAgo), createdAt: new Date(now.getTime() - createdAgo) };
    expect(isIdle(grant, now)).toBe(idle);
  });

  async function connectionUnusedFor(ms: number) {
    const clientId = await createTestClient();
    const tokens = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId });
    const grantId = grantIdOf(tokens.access_token);
    await db.oAuthGrant.update({ where: { id: grantId }, data: { lastUsedAt: new Date(Date.now() - ms) } });
    return { clientId, tokens, grantId };
  }

  it("refuses its access token and ends it, dated when it went idle", async () => {
    const { tokens, grantId } = await connectionUnusedFor(idleMs + DAY_MS);
    await expect(verifyAccessToken(tokens.access_token, "mcp")).rejects.toMatchObject({ code: "invalid_token", description: expect.stringMatching(/unused/) });
    const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
    expect(grant.revokedReason).toBe("idle");
    expect(grant.revokedAt?.getTime()).toBe(idleEndOf({ lastUsedAt: grant.lastUsedAt, createdAt: grant.createdAt }).getTime());
    expect(await db.oAuthRefreshToken.count({ where: { grantId } })).toBe(0);
  });

  it("refuses its refresh token with invalid_grant", async () => {
    const { clientId, tokens, grantId } = await connectionUnusedFor(idleMs + DAY_MS);
    const answer = await refresh(clientId, tokens.refresh_token);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({ error: "invalid_grant" });
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } })).revokedReason).toBe("idle");
  });

  it("keeps working one day short of the limit", async () => {
    const { clientId, tokens } = await connectionUnusedFor(idleMs - DAY_MS);
    await expect(verifyAccessToken(tokens.access_token, "mcp")).resolves.toBeTruthy();
    expect((await refresh(clientId, tokens.refresh_token)).status).toBe(200);
  });

  it("is ended by the sweep too, so a list never shows it as live", async () => {
    const { grantId } = await connectionUnusedFor(idleMs + DAY_MS);
    expect(await endIdleGrants({ userId: adaId })).toBeGreaterThanOrEqual(1);
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } })).revokedReason).toBe("idle");
    expect(await endIdleGrants({ id: grantId })).toBe(0);
    expect(await db.auditEvent.count({ where: { grantId, type: "grant.revoked" } })).toBe(1);
  });

  it("issues refresh tokens that live as long as the idle limit", async () => {
    const clientId = await createTestClient();
    const before = Date.now();
    const tokens = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId });
    const row = await db.oAuthRefreshToken.findFirstOrThrow({ where: { grantId: grantIdOf(tokens.access_token) } });
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + idleMs);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + idleMs);
  });
});

describe("approving a connection", () => {
  it("records the approval in the audit log and keeps the client's registration from expiring", async () => {
    const clientId = await createTestClient();
    await db.oAuthClient.update({ where: { id: clientId }, data: { expiresAt: new Date(Date.now() + DAY_MS) } });
    const before = Date.now();
    const tokens = await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId, scope: "hourbook:read" });
    const grantId = grantIdOf(tokens.access_token);

    const grant = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
    expect(await db.auditEvent.findMany({ where: { grantId, type: "grant.created" } })).toMatchObject([
      { userId: adaId, clientId, workspaceId: lovelaceId, detail: { scope: grant.scope, resource: grant.resource } },
    ]);
    const client = await db.oAuthClient.findUniqueOrThrow({ where: { id: clientId } });
    expect(client.expiresAt).toBeNull();
    expect(client.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });
});

describe("revoking a connection", () => {
  it("ends the grant, its refresh tokens and its unredeemed code at once, keeping the redeemed code on record", async () => {
    const clientId = await createTestClient();
    const redeemed = grantIdOf((await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId })).access_token);
    await authorize({ clientId, userId: adaId, workspaceId: lovelaceId });
    const pending = (await db.oAuthGrant.findFirstOrThrow({ where: { clientId, id: { not: redeemed } } })).id;
    expect(await db.oAuthAuthorizationCode.count({ where: { grantId: pending, consumedAt: null } })).toBe(1);

    expect(await revokeGrant(redeemed, "user_revoked")).toBe(true);
    expect(await revokeGrant(pending, "user_revoked")).toBe(true);
    expect(await db.oAuthRefreshToken.count({ where: { grantId: redeemed } })).toBe(0);
    expect(await db.oAuthAuthorizationCode.count({ where: { grantId: redeemed } })).toBe(1);
    expect(await db.oAuthAuthorizationCode.count({ where: { grantId: pending } })).toBe(0);
    expect(await db.oAuthGrant.findUniqueOrThrow({ where: { id: redeemed } })).toMatchObject({ revokedReason: "user_revoked", revokedAt: expect.any(Date) });
    expect(await findLiveGrant(redeemed)).toBeNull();
  });

  it("is idempotent: a second revocation changes nothing, records nothing and says so", async () => {
    const clientId = await createTestClient();
    const grantId = grantIdOf((await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId })).access_token);
    expect(await revokeGrant(grantId, "user_revoked")).toBe(true);
    const { revokedAt } = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } });
    expect(await revokeGrant(grantId, "admin_revoked")).toBe(false);
    expect(await db.oAuthGrant.findUniqueOrThrow({ where: { id: grantId } })).toMatchObject({ revokedAt, revokedReason: "user_revoked" });
    expect(await db.auditEvent.count({ where: { grantId, type: "grant.revoked" } })).toBe(1);
  });

  it("answers false for a grant that does not exist", async () => {
    expect(await revokeGrant("no-such-grant", "user_revoked")).toBe(false);
  });

  it.each<[GrantRevocationReason, string]>([
    ["refresh_reuse", "refresh.reuse_detected"],
    ["code_reuse", "code.reuse_detected"],
    ["user_revoked", "grant.revoked"],
    ["client_deleted", "grant.revoked"],
  ])("records %s as a %s event, naming the grant's user unless someone else acted", async (reason, type) => {
    const clientId = await createTestClient();
    const grantId = grantIdOf((await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId })).access_token);
    await revokeGrant(grantId, reason);
    expect(await db.auditEvent.findMany({ where: { grantId, type: { not: "grant.created" } } })).toMatchObject([
      { type, userId: adaId, clientId, workspaceId: lovelaceId, detail: { reason } },
    ]);
  });

  it("records who revoked it, with their detail", async () => {
    const clientId = await createTestClient();
    const grantId = grantIdOf((await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId })).access_token);
    const admin = demo.grace;
    await revokeGrant(grantId, "admin_revoked", { userId: admin.id, detail: { via: "members page" } });
    expect(await db.auditEvent.findMany({ where: { grantId, type: "grant.revoked" } })).toMatchObject([
      { userId: admin.id, detail: { reason: "admin_revoked", via: "members page" } },
    ]);
  });
});

describe("findLiveGrant", () => {
  it("finds a live grant and not a revoked one", async () => {
    const clientId = await createTestClient();
    const grantId = grantIdOf((await tokensFor({ clientId, userId: adaId, workspaceId: lovelaceId })).access_token);
    expect(await findLiveGrant(grantId)).toMatchObject({ id: grantId, clientId });
    await revokeGrant(grantId, "user_revoked");
    expect(await findLiveGrant(grantId)).toBeNull();
  });
});

describe("endIdleGrants", () => {
  const idleMs = env.HOURBOOK_CONNECTION_IDLE_DAYS * DAY_MS;

  /** A grant written directly, with the approval and last use given. */
  async function grantWith(createdAgo: number, lastUsedAgo: number | null) {
    const clientId = await createTestClient();
    const now = Date.now();
    return db.oAuthGrant.create({
      data: {
        userId: adaId,
        clientId,
        workspaceId: lovelaceId,
        resource: "mcp",
        scope: "hourbook:read",
        createdAt: new Date(now - createdAgo),
        lastUsedAt: lastUsedAgo === null ? null : new Date(now - lastUsedAgo),
      },
    });
  }

  it.each([
    ["never used, approved past the limit ago", idleMs + DAY_MS, null, true],
    ["never used, approved recently", DAY_MS, null, false],
    ["approved long ago, used recently", idleMs + 10 * DAY_MS, DAY_MS, false],
    ["approved long ago, last used past the limit ago", idleMs + 10 * DAY_MS, idleMs + DAY_MS, true],
  ] as const)("%s: ended is %s", async (_name, createdAgo, lastUsedAgo, ended) => {
    const grant = await grantWith(createdAgo, lastUsedAgo);
    expect(await endIdleGrants({ id: grant.id })).toBe(ended ? 1 : 0);
    const after = await db.oAuthGrant.findUniqueOrThrow({ where: { id: grant.id } });
    expect(after.revokedReason).toBe(ended ? "idle" : null);
    if (ended) {
      expect(after.revokedAt?.getTime()).toBe(idleEndOf(grant).getTime());
      expect(await db.auditEvent.findMany({ where: { grantId: grant.id } })).toMatchObject([
        { type: "grant.revoked", userId: adaId, clientId: grant.clientId, workspaceId: lovelaceId, detail: { reason: "idle" } },
      ]);
    }
  });

  it("ends only the grants matching the filter, and only live ones", async () => {
    const mine = await grantWith(idleMs + DAY_MS, null);
    const other = await grantWith(idleMs + DAY_MS, null);
    const revoked = await grantWith(idleMs + DAY_MS, null);
    await revokeGrant(revoked.id, "user_revoked");
    expect(await endIdleGrants({ id: { in: [mine.id, revoked.id] } })).toBe(1);
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: other.id } })).revokedAt).toBeNull();
    expect((await db.oAuthGrant.findUniqueOrThrow({ where: { id: revoked.id } })).revokedReason).toBe("user_revoked");
  });

  it("judges idleness at the moment it is given", async () => {
    const grant = await grantWith(DAY_MS, DAY_MS);
    expect(await endIdleGrants({ id: grant.id }, new Date(Date.now() + idleMs))).toBe(1);
  });

  it("counts and records a grant once when two sweeps race for it", async () => {
    const grant = await grantWith(idleMs + DAY_MS, null);
    const counts = await Promise.all([endIdleGrants({ id: grant.id }), endIdleGrants({ id: grant.id }), endIdleGrants({ id: grant.id })]);
    expect(counts.reduce((a, b) => a + b)).toBe(1);
    expect(await db.auditEvent.count({ where: { grantId: grant.id } })).toBe(1);
  });
});

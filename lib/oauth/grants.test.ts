/**
 * Connections (grants): two installations of one app each keep their own connection, and a
 * connection left unused for HOURBOOK_CONNECTION_IDLE_DAYS ends by itself.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { createTestClient, postForm, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { listUserConnections } from "./connections/list-user-connections";
import { endIdleGrants, idleEndOf, isIdle } from "./grants";
import { verifyAccessToken } from "./verify-access-token";

const DAY_MS = 24 * 60 * 60 * 1000;
let adaId: string;
let lovelaceId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
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

/**
 * grant_type=refresh_token, called directly with rows made for each test: who may use a
 * refresh token, when it stops working, rotation and reuse detection, and downscoping.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { CONNECTION_IDLE_SECONDS } from "@/lib/domain/connections/connection-idleness";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { createFixtureClient, createFixtureRefreshToken, createGrantFixture, jwtClaims, type GrantFixture, refusal } from "@/lib/testing/oauth-fixtures";
import { disableUser } from "@/lib/domain/users/disable-user";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { checkAccessTokenJwt } from "../access-token";
import { OAuthError } from "../errors";
import { IDLE_ENDED } from "../grants";
import { REFRESH_REUSE_WINDOW_SECONDS } from "../lifetimes";
import { decrypt, encrypt, hashToken } from "../secrets";
import { exchangeRefreshToken } from "./exchange-refresh-token";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const refresh = (fixture: Pick<GrantFixture, "client">, fields: Record<string, string>) => exchangeRefreshToken(fixture.client, new Map(Object.entries(fields)));

const grantRow = (id: string) => db.oAuthGrant.findUniqueOrThrow({ where: { id } });
const tokenRow = (token: string) => db.oAuthRefreshToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });

/** Freezes Date.now at `now` (timers keep running, so Prisma is unaffected). */
const freezeDate = (now: number) => vi.useFakeTimers({ now, toFake: ["Date"] });

describe("a successful refresh", () => {
  it("issues a new pair for the grant's user, client, workspace and resource", async () => {
    const fixture = await createGrantFixture({ resource: "api" });
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const response = await refresh(fixture, { refresh_token: presented });
    expect(response).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "hourbook:read hourbook:write" });
    expect(response.refresh_token).toMatch(/^hbrt_/);
    expect(response.refresh_token).not.toBe(presented);
    const check = await checkAccessTokenJwt(response.access_token, "api");
    expect(check).toMatchObject({
      ok: true,
      claims: { userId: fixture.userId, clientId: fixture.client.id, grantId: fixture.grantId, workspaceId: fixture.workspaceId, scopes: ["hourbook:read", "hourbook:write"] },
    });
  });

  it("spends the presented token, keeps the answer for a retry, and stores the new one with the grant's scope", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const response = await refresh(fixture, { refresh_token: presented, scope: "hourbook:read" });
    const spent = await tokenRow(presented);
    expect(spent.rotatedAt).not.toBeNull();
    expect(JSON.parse(decrypt(spent.retryResponse ?? ""))).toEqual(response);
    const next = await tokenRow(response.refresh_token);
    expect(next).toMatchObject({ grantId: fixture.grantId, scope: "hourbook:read hourbook:write", rotatedAt: null });
  });

  it("records the grant as used", async () => {
    const fixture = await createGrantFixture();
    const before = Date.now();
    await refresh(fixture, { refresh_token: await createFixtureRefreshToken(fixture.grantId) });
    expect((await grantRow(fixture.grantId)).lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("accepts a refresh token in the last millisecond of its life", async () => {
    const now = Date.now();
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId, { expiresAt: new Date(now) });
    freezeDate(now);
    await expect(refresh(fixture, { refresh_token: presented })).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it.each([
    ["its resource URL", () => protectedResource("mcp").url],
    ["its resource URL with a trailing slash", () => `${protectedResource("mcp").url}/`],
  ])("accepts a resource parameter naming %s", async (_, resource) => {
    const fixture = await createGrantFixture();
    const response = await refresh(fixture, { refresh_token: await createFixtureRefreshToken(fixture.grantId), resource: resource() });
    expect((await checkAccessTokenJwt(response.access_token, "mcp")).ok).toBe(true);
  });
});

describe("refusals", () => {
  it.each([
    ["a missing refresh token", {}, "invalid_request: refresh_token is required."],
    ["an empty refresh token", { refresh_token: "" }, "invalid_request: refresh_token is required."],
    ["an unknown refresh token", { refresh_token: "hbrt_unknown" }, "invalid_grant: The refresh token is invalid."],
  ])("refuses %s", async (_, fields, expected) => {
    const fixture = await createGrantFixture();
    expect(await refusal(refresh(fixture, fields))).toBe(expected);
  });

  it("refuses a refresh token issued to another client, and leaves it working for its own", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const other = await createFixtureClient();
    expect(await refusal(refresh({ client: other }, { refresh_token: presented }))).toBe("invalid_grant: The refresh token is invalid.");
    expect((await tokenRow(presented)).rotatedAt).toBeNull();
    expect((await grantRow(fixture.grantId)).revokedAt).toBeNull();
    await expect(refresh(fixture, { refresh_token: presented })).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it("refuses an expired refresh token", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId, { expiresAt: new Date(Date.now() - 1) });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe("invalid_grant: The refresh token has expired.");
  });

  it("refuses a refresh token of a revoked grant", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    await db.oAuthGrant.update({ where: { id: fixture.grantId }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe("invalid_grant: The authorization was revoked.");
  });

  it("refuses a refresh token of a disabled user", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    await db.user.update({ where: { id: fixture.userId }, data: { status: "disabled" } });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe("invalid_grant: The user's account is disabled.");
  });

  it("refuses a refresh token of a connection left unused too long, and ends that connection only", async () => {
    const longAgo = new Date(Date.now() - (CONNECTION_IDLE_SECONDS + 60) * 1000);
    const fixture = await createGrantFixture({ createdAt: longAgo, lastUsedAt: longAgo });
    const otherIdle = await createGrantFixture({ createdAt: longAgo, lastUsedAt: longAgo });
    const presented = await createFixtureRefreshToken(fixture.grantId);
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe(`invalid_grant: ${IDLE_ENDED}`);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "idle" });
    expect((await grantRow(otherIdle.grantId)).revokedAt).toBeNull();
  });

  it("refuses a grant for a resource this server no longer serves", async () => {
    const fixture = await createGrantFixture({ resource: "https://old.example/mcp" });
    const presented = await createFixtureRefreshToken(fixture.grantId);
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toMatch(/^invalid_grant: The grant names a resource/);
  });

  it.each([
    ["the other resource", () => protectedResource("api").url],
    ["a foreign resource", () => "https://evil.example/mcp"],
  ])("refuses a resource parameter naming %s, and leaves the token unspent", async (_, resource) => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    expect(await refusal(refresh(fixture, { refresh_token: presented, resource: resource() }))).toBe(
      `invalid_target: This refresh token is for ${protectedResource("mcp").url}, not ${resource()}.`,
    );
    expect((await tokenRow(presented)).rotatedAt).toBeNull();
  });
});

describe("scope narrowing (RFC 6749 §6)", () => {
  it("issues an access token with the narrower scope asked for, and keeps the grant's scope for the next refresh", async () => {
    const fixture = await createGrantFixture({ scope: "hourbook:read hourbook:write" });
    const narrow = await refresh(fixture, { refresh_token: await createFixtureRefreshToken(fixture.grantId), scope: "hourbook:read" });
    expect(narrow.scope).toBe("hourbook:read");
    expect(jwtClaims(narrow.access_token).scope).toBe("hourbook:read");
    const full = await refresh(fixture, { refresh_token: narrow.refresh_token });
    expect(full.scope).toBe("hourbook:read hourbook:write");
    expect(jwtClaims(full.access_token).scope).toBe("hourbook:read hourbook:write");
  });

  it("reads a scope of only ignored OIDC scopes as no scope parameter", async () => {
    const fixture = await createGrantFixture({ scope: "hourbook:read hourbook:write" });
    const response = await refresh(fixture, { refresh_token: await createFixtureRefreshToken(fixture.grantId), scope: "offline_access" });
    expect(response.scope).toBe("hourbook:read hourbook:write");
  });

  it.each([
    ["a scope beyond the grant", "hourbook:read hourbook:admin", "invalid_scope: hourbook:admin was not granted."],
    ["scopes beyond the grant", "time:read hourbook:admin", "invalid_scope: hourbook:admin, time:read were not granted."],
    ["an empty scope", " ", "invalid_scope: At least one scope is required."],
    ["an unknown scope", "everything", "invalid_scope: Unknown scope: everything."],
  ])("refuses %s and leaves the token unspent", async (_, scope, expected) => {
    const fixture = await createGrantFixture({ scope: "hourbook:read hourbook:write" });
    const presented = await createFixtureRefreshToken(fixture.grantId);
    expect(await refusal(refresh(fixture, { refresh_token: presented, scope }))).toBe(expected);
    expect((await tokenRow(presented)).rotatedAt).toBeNull();
  });
});

describe("rotation and reuse", () => {
  it("answers a retry within the reuse window with the same pair", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const first = await refresh(fixture, { refresh_token: presented });
    expect(await refresh(fixture, { refresh_token: presented })).toEqual(first);
    expect((await grantRow(fixture.grantId)).revokedAt).toBeNull();
  });

  it("answers a retry at the very end of the reuse window", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const first = await refresh(fixture, { refresh_token: presented });
    freezeDate((await tokenRow(presented)).rotatedAt!.getTime() + REFRESH_REUSE_WINDOW_SECONDS * 1000);
    expect(await refresh(fixture, { refresh_token: presented })).toEqual(first);
  });

  it("revokes the grant when a rotated token comes back after the reuse window", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const first = await refresh(fixture, { refresh_token: presented });
    freezeDate((await tokenRow(presented)).rotatedAt!.getTime() + REFRESH_REUSE_WINDOW_SECONDS * 1000 + 1);
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe(
      "invalid_grant: The refresh token was already used; the authorization has been revoked.",
    );
    vi.useRealTimers();
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "refresh_reuse" });
    expect(await refusal(refresh(fixture, { refresh_token: first.refresh_token }))).toBe("invalid_grant: The refresh token is invalid.");
  });

  it("revokes the grant when a spent token comes back after the token it was answered with was used too", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const first = await refresh(fixture, { refresh_token: presented });
    const second = await refresh(fixture, { refresh_token: first.refresh_token });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe(
      "invalid_grant: The refresh token was already used; the authorization has been revoked.",
    );
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "refresh_reuse" });
    expect(await refusal(refresh(fixture, { refresh_token: second.refresh_token }))).toMatch(/^invalid_grant/);
  });

  it("revokes the grant when a rotated token with no stored answer comes back, even at once", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId, { rotatedAt: new Date(), retryResponse: null });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toMatch(/^invalid_grant: The refresh token was already used/);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "refresh_reuse" });
  });

  it("refuses a retry within the window once the grant was revoked", async () => {
    const fixture = await createGrantFixture();
    const stored = { access_token: "a", token_type: "Bearer", expires_in: 900, refresh_token: "hbrt_next", scope: "hourbook:read" };
    const presented = await createFixtureRefreshToken(fixture.grantId, { rotatedAt: new Date(), retryResponse: encrypt(JSON.stringify(stored)) });
    await db.oAuthGrant.update({ where: { id: fixture.grantId }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toMatch(/^invalid_grant: The refresh token was already used/);
  });

  it("answers the same pair to every one of eight concurrent refreshes, minting one", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const results = await Promise.all(Array.from({ length: 8 }, () => refresh(fixture, { refresh_token: presented })));
    expect(new Set(results.map((r) => r.refresh_token)).size).toBe(1);
    expect(new Set(results.map((r) => r.access_token)).size).toBe(1);
    expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } })).toBe(2);
  });

  it("answers a refresh that lost the race to another with the winner's pair", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    let winner: Awaited<ReturnType<typeof refresh>> | undefined;
    const transaction = db.$transaction.bind(db);
    vi.spyOn(db, "$transaction").mockImplementationOnce((async (work: Parameters<typeof transaction>[0]) => {
      winner = await refresh(fixture, { refresh_token: presented });
      return transaction(work);
    }) as typeof db.$transaction);
    const loser = await refresh(fixture, { refresh_token: presented });
    expect(loser).toEqual(winner);
    expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } })).toBe(2);
  });

  it("leaves no live refresh token on a grant revoked while it is being refreshed", async () => {
    for (const delay of STAGGERS_MS) {
      const fixture = await createGrantFixture();
      const presented = await createFixtureRefreshToken(fixture.grantId);
      const [refreshed, revoked] = await startApart(() => refresh(fixture, { refresh_token: presented }), () => revokeGrant(fixture.grantId, "user_revoked"), delay);
      expect(revoked, `round ${delay} ms`).toEqual({ status: "fulfilled", value: true });
      if (refreshed.status === "rejected") expect(refreshed.reason, `round ${delay} ms`).toBeInstanceOf(OAuthError);
      expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } }), `round ${delay} ms`).toBe(0);
    }
  });

  it("leaves no live refresh token for a user disabled while it is being refreshed", async () => {
    for (const delay of STAGGERS_MS) {
      const fixture = await createGrantFixture();
      const presented = await createFixtureRefreshToken(fixture.grantId);
      const [refreshed, disabled] = await startApart(() => refresh(fixture, { refresh_token: presented }), () => disableUser({ id: fixture.userId }, "operator"), delay);
      expect(disabled, `round ${delay} ms`).toMatchObject({ status: "fulfilled", value: { grantsRevoked: 1 } });
      if (refreshed.status === "rejected") expect(refreshed.reason, `round ${delay} ms`).toBeInstanceOf(OAuthError);
      expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } }), `round ${delay} ms`).toBe(0);
    }
  });

  it("refuses a refresh whose grant was revoked while it was being exchanged", async () => {
    const fixture = await createGrantFixture();
    const presented = await createFixtureRefreshToken(fixture.grantId);
    const transaction = db.$transaction.bind(db);
    vi.spyOn(db, "$transaction").mockImplementationOnce((async (work: Parameters<typeof transaction>[0]) => {
      await revokeGrant(fixture.grantId, "user_revoked");
      return transaction(work);
    }) as typeof db.$transaction);
    expect(await refusal(refresh(fixture, { refresh_token: presented }))).toBe("invalid_grant: The authorization was revoked.");
    expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } })).toBe(0);
  });
});

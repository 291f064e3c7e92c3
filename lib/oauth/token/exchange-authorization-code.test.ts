/**
 * grant_type=authorization_code, called directly with rows made for each test: who may redeem
 * a code, with which redirect_uri, verifier and resource, and that a code redeems once.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { createFixtureClient, createFixtureCode, createGrantFixture, FIXTURE_REDIRECT_URI, type GrantFixture, refusal } from "@/lib/testing/oauth-fixtures";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { checkAccessTokenJwt } from "../access-token";
import { OAuthError } from "../errors";
import { hashToken } from "../secrets";
import { exchangeAuthorizationCode } from "./exchange-authorization-code";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const redeem = (fixture: Pick<GrantFixture, "client">, fields: Record<string, string>) => exchangeAuthorizationCode(fixture.client, new Map(Object.entries(fields)));

/** A complete, valid redemption of `c`, with fields replaced or (null) removed. */
function redemption(c: { code: string; verifier: string }, changes: Record<string, string | null> = {}): Record<string, string> {
  const fields: Record<string, string> = { code: c.code, code_verifier: c.verifier, redirect_uri: FIXTURE_REDIRECT_URI };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete fields[key];
    else fields[key] = value;
  }
  return fields;
}

const grantRow = (id: string) => db.oAuthGrant.findUniqueOrThrow({ where: { id } });
const codeRow = (code: string) => db.oAuthAuthorizationCode.findUniqueOrThrow({ where: { codeHash: hashToken(code) } });
const REUSED = "invalid_grant: The authorization code was already used; the tokens issued for it have been revoked.";

describe("a successful redemption", () => {
  it("issues a pair for the grant's user, client, workspace, resource and scope", async () => {
    const fixture = await createGrantFixture({ resource: "api", scope: "hourbook:read time:read" });
    const c = await createFixtureCode(fixture.grantId);
    const response = await redeem(fixture, redemption(c));
    expect(response).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "hourbook:read time:read" });
    expect(await checkAccessTokenJwt(response.access_token, "api")).toMatchObject({
      ok: true,
      claims: { userId: fixture.userId, clientId: fixture.client.id, grantId: fixture.grantId, workspaceId: fixture.workspaceId, scopes: ["hourbook:read", "time:read"] },
    });
  });

  it("consumes the code and stores the refresh token with the code's scope", async () => {
    const fixture = await createGrantFixture({ scope: "hourbook:read hourbook:write" });
    const c = await createFixtureCode(fixture.grantId, { scope: "hourbook:read" });
    const response = await redeem(fixture, redemption(c));
    expect(response.scope).toBe("hourbook:read");
    expect((await codeRow(c.code)).consumedAt).not.toBeNull();
    const stored = await db.oAuthRefreshToken.findUniqueOrThrow({ where: { tokenHash: hashToken(response.refresh_token) } });
    expect(stored).toMatchObject({ grantId: fixture.grantId, scope: "hourbook:read", rotatedAt: null });
  });

  it("accepts a code in the last millisecond of its life", async () => {
    const now = Date.now();
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { expiresAt: new Date(now) });
    vi.useFakeTimers({ now, toFake: ["Date"] });
    await expect(redeem(fixture, redemption(c))).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it.each<[string, string | null]>([
    ["without redirect_uri", null],
    ["with the one registered redirect_uri", FIXTURE_REDIRECT_URI],
  ])("redeems a code whose authorization request left redirect_uri out, %s", async (_, redirectUri) => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { redirectUriSent: false });
    await expect(redeem(fixture, redemption(c, { redirect_uri: redirectUri }))).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it.each([
    ["its resource URL", () => protectedResource("mcp").url],
    ["its resource URL with a trailing slash", () => `${protectedResource("mcp").url}/`],
  ])("accepts a resource parameter naming %s", async (_, resource) => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    await expect(redeem(fixture, redemption(c, { resource: resource() }))).resolves.toMatchObject({ token_type: "Bearer" });
  });
});

describe("refusals that leave the code redeemable", () => {
  type Case = [string, (c: { code: string; verifier: string }) => Record<string, string | null>, string];
  it.each<Case>([
    ["a missing code", () => ({ code: null }), "invalid_request: code is required."],
    ["an empty code", () => ({ code: "" }), "invalid_request: code is required."],
    ["a missing verifier", () => ({ code_verifier: null }), "invalid_request: code_verifier is required (PKCE)."],
    ["an empty verifier", () => ({ code_verifier: "" }), "invalid_request: code_verifier is required (PKCE)."],
    ["an unknown code", () => ({ code: "hbac_nope" }), "invalid_grant: The authorization code is invalid."],
    ["a wrong verifier", () => ({ code_verifier: "x".repeat(43) }), "invalid_grant: code_verifier does not match the code_challenge."],
    ["another redirect_uri", () => ({ redirect_uri: "http://127.0.0.1:8765/other" }), "invalid_grant: redirect_uri does not match the authorization request."],
    ["the redirect_uri with another loopback port", () => ({ redirect_uri: "http://127.0.0.1:9999/callback" }), "invalid_grant: redirect_uri does not match the authorization request."],
    ["no redirect_uri although the authorization request had one", () => ({ redirect_uri: null }), "invalid_grant: redirect_uri is required: the authorization request carried one."],
    ["another resource", () => ({ resource: protectedResource("api").url }), `invalid_target: The code was issued for ${protectedResource("mcp").url}, not ${protectedResource("api").url}.`],
    ["a foreign resource", () => ({ resource: "https://evil.example/mcp" }), `invalid_target: The code was issued for ${protectedResource("mcp").url}, not https://evil.example/mcp.`],
  ])("refuses %s", async (_, changes, expected) => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    expect(await refusal(redeem(fixture, redemption(c, changes(c))))).toBe(expected);
    expect((await codeRow(c.code)).consumedAt).toBeNull();
    await expect(redeem(fixture, redemption(c))).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it("refuses a code issued to another client, and leaves it for its own", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    const other = await createFixtureClient();
    expect(await refusal(redeem({ client: other }, redemption(c)))).toBe("invalid_grant: The authorization code is invalid.");
    expect((await grantRow(fixture.grantId)).revokedAt).toBeNull();
    await expect(redeem(fixture, redemption(c))).resolves.toMatchObject({ token_type: "Bearer" });
  });

  it("refuses another redirect_uri even when the authorization request left it out", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { redirectUriSent: false });
    expect(await refusal(redeem(fixture, redemption(c, { redirect_uri: "http://127.0.0.1:9999/callback" })))).toBe(
      "invalid_grant: redirect_uri does not match the authorization request.",
    );
  });
});

describe("refusals", () => {
  it("refuses an expired code", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { expiresAt: new Date(Date.now() - 1) });
    expect(await refusal(redeem(fixture, redemption(c)))).toBe("invalid_grant: The authorization code has expired.");
  });

  it("refuses a code of a revoked grant", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    await db.oAuthGrant.update({ where: { id: fixture.grantId }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    expect(await refusal(redeem(fixture, redemption(c)))).toBe("invalid_grant: The authorization was revoked.");
  });

  it("refuses a code of a disabled user", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    await db.user.update({ where: { id: fixture.userId }, data: { status: "disabled" } });
    expect(await refusal(redeem(fixture, redemption(c)))).toBe("invalid_grant: The user's account is disabled.");
  });

  it("refuses a code for a resource this server no longer serves", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { resource: "https://old.example/mcp" });
    expect(await refusal(redeem(fixture, redemption(c)))).toBe("invalid_grant: The code names a resource this server no longer serves.");
  });
});

describe("single use", () => {
  it("refuses a code redeemed twice and revokes the grant, ending the tokens the first redemption issued", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    const first = await redeem(fixture, redemption(c));
    expect(await refusal(redeem(fixture, redemption(c)))).toBe(REUSED);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "code_reuse" });
    expect(await db.oAuthRefreshToken.count({ where: { tokenHash: hashToken(first.refresh_token) } })).toBe(0);
  });

  it.each<[string, (c: { code: string; verifier: string }) => Record<string, string | null>]>([
    ["as it was", () => ({})],
    ["with a wrong verifier", () => ({ code_verifier: "x".repeat(43) })],
    ["with another redirect_uri", () => ({ redirect_uri: "http://127.0.0.1:8765/other" })],
  ])("revokes the grant when a used code comes back after it expired, %s", async (_, changes) => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId, { consumedAt: new Date(Date.now() - 120_000), expiresAt: new Date(Date.now() - 60_000) });
    expect(await refusal(redeem(fixture, redemption(c, changes(c))))).toBe(REUSED);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "code_reuse" });
  });

  it("revokes the grant when a concurrent redemption consumed the code first", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    const transaction = db.$transaction.bind(db);
    vi.spyOn(db, "$transaction").mockImplementationOnce((async (work: Parameters<typeof transaction>[0]) => {
      await db.oAuthAuthorizationCode.update({ where: { codeHash: hashToken(c.code) }, data: { consumedAt: new Date() } });
      return transaction(work);
    }) as typeof db.$transaction);
    expect(await refusal(redeem(fixture, redemption(c)))).toBe(REUSED);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "code_reuse" });
    expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } })).toBe(0);
  });

  it("leaves no live refresh token on a grant revoked while its code is being redeemed", async () => {
    for (const delay of STAGGERS_MS) {
      const fixture = await createGrantFixture();
      const c = await createFixtureCode(fixture.grantId);
      const [redeemed, revoked] = await startApart(() => redeem(fixture, redemption(c)), () => revokeGrant(fixture.grantId, "user_revoked"), delay);
      expect(revoked, `round ${delay} ms`).toEqual({ status: "fulfilled", value: true });
      if (redeemed.status === "rejected") expect(redeemed.reason, `round ${delay} ms`).toBeInstanceOf(OAuthError);
      expect(await db.oAuthRefreshToken.count({ where: { grantId: fixture.grantId } }), `round ${delay} ms`).toBe(0);
    }
  });

  it("lets exactly one of eight concurrent redemptions win", async () => {
    const fixture = await createGrantFixture();
    const c = await createFixtureCode(fixture.grantId);
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => redeem(fixture, redemption(c))));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const reasons = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(reasons.every((reason) => reason instanceof OAuthError && reason.code === "invalid_grant")).toBe(true);
  });
});

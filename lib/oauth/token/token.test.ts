import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { authorize, createTestClient, newVerifier, postForm, REDIRECT_URI, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { verifyAccessToken } from "../verify-access-token";
import { REFRESH_REUSE_WINDOW_SECONDS } from "../lifetimes";

let demo: DemoData;
let adaId: string;
let lovelaceId: string;
let clientId: string;

beforeAll(async () => {
  demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
  clientId = await createTestClient();
});

const flow = () => ({ clientId, userId: adaId, workspaceId: lovelaceId });

async function grantOf(accessToken: string) {
  const claims = JSON.parse(Buffer.from(accessToken.split(".")[1] ?? "", "base64url").toString()) as { grant_id: string };
  return db.oAuthGrant.findUniqueOrThrow({ where: { id: claims.grant_id } });
}

describe("authorization_code grant", () => {
  it("issues an RFC 9068 access token for the MCP resource and a rotating refresh token", async () => {
    const { code, verifier, redirect } = await authorize(flow());
    expect(redirect.searchParams.get("state")).toBe("xyz");
    expect(redirect.searchParams.get("iss")).toBe("http://localhost:3000");
    const res = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId });
    expect(res.status).toBe(200);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.body).toMatchObject({ token_type: "Bearer", expires_in: 900, scope: "hourbook:read hourbook:write" });
    expect(String(res.body.refresh_token)).toMatch(/^hbrt_/);
    const header = JSON.parse(Buffer.from(String(res.body.access_token).split(".")[0] ?? "", "base64url").toString()) as { typ: string };
    expect(header.typ).toBe("at+jwt");
    const verified = await verifyAccessToken(String(res.body.access_token), "mcp");
    expect(verified.claims).toMatchObject({ userId: adaId, clientId, workspaceId: lovelaceId, scopes: ["hourbook:read", "hourbook:write"] });
  });

  /** A complete, valid redemption of `c`, with fields replaced or (null) removed. */
  const redemption = (c: { code: string; verifier: string }, changes: Record<string, string | null> = {}) => {
    const fields: Record<string, string> = { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT_URI, client_id: clientId };
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) delete fields[key];
      else fields[key] = value;
    }
    return fields;
  };

  type Case = [string, (c: { code: string; verifier: string }) => Record<string, string | null>, number, string];
  it.each<Case>([
    ["a missing code", () => ({ code: null }), 400, "invalid_request"],
    ["a missing verifier", () => ({ code_verifier: null }), 400, "invalid_request"],
    ["a wrong verifier", () => ({ code_verifier: newVerifier() }), 400, "invalid_grant"],
    ["an unknown code", () => ({ code: "hbac_nope" }), 400, "invalid_grant"],
    ["another redirect_uri", () => ({ redirect_uri: "http://127.0.0.1:8765/other" }), 400, "invalid_grant"],
    // RFC 6749 §4.1.3: the authorization request carried redirect_uri, so this one must repeat it.
    ["no redirect_uri although the authorization request had one", () => ({ redirect_uri: null }), 400, "invalid_grant"],
    ["the redirect_uri with another loopback port", () => ({ redirect_uri: "http://127.0.0.1:9999/callback" }), 400, "invalid_grant"],
    ["the redirect_uri with a trailing slash", () => ({ redirect_uri: `${REDIRECT_URI}/` }), 400, "invalid_grant"],
    ["another resource", () => ({ resource: protectedResource("api").url }), 400, "invalid_target"],
    ["a foreign resource", () => ({ resource: "https://evil.example/mcp" }), 400, "invalid_target"],
    ["an unknown client", () => ({ client_id: "nobody" }), 401, "invalid_client"],
    ["no client authentication at all", () => ({ client_id: null }), 401, "invalid_client"],
    ["an unsupported grant type", () => ({ grant_type: "password", username: "ada", password: "x" }), 400, "unsupported_grant_type"],
    ["the implicit grant", () => ({ grant_type: "client_credentials" }), 400, "unsupported_grant_type"],
    ["no grant type", () => ({ grant_type: null }), 400, "invalid_request"],
  ])("refuses %s and leaves the code redeemable", async (_, changes, status, error) => {
    const c = await authorize(flow());
    const res = await postForm("token", redemption(c, changes(c)));
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    expect(res.body.error_description).toEqual(expect.any(String));
    expect((await postForm("token", redemption(c))).status).toBe(200);
  });

  it.each<[string, string | null, number]>([
    ["without redirect_uri", null, 200],
    ["with the one registered redirect_uri", REDIRECT_URI, 200],
    ["with another redirect_uri", "http://127.0.0.1:9999/callback", 400],
  ])("redeems a code whose authorization request left redirect_uri out %s: %i", async (_, redirectUri, status) => {
    const c = await authorize({ ...flow(), redirectUri: null });
    const res = await postForm("token", redemption(c, { redirect_uri: redirectUri }));
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (status !== 200) expect(res.body.error).toBe("invalid_grant");
  });

  it("refuses a code issued to another client", async () => {
    const other = await createTestClient();
    const c = await authorize(flow());
    const res = await postForm("token", { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT_URI, client_id: other });
    expect(res.body.error).toBe("invalid_grant");
  });

  it("refuses a JSON body: the token endpoint takes form posts only", async () => {
    const res = await postForm("token", {}, { "content-type": "application/json" });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_request");
  });

  it("refuses an expired code", async () => {
    const c = await authorize(flow());
    await db.oAuthAuthorizationCode.updateMany({ where: { consumedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const res = await postForm("token", redemption(c));
    expect(res.body).toMatchObject({ error: "invalid_grant", error_description: "The authorization code has expired." });
  });

  it("refuses a code redeemed twice and revokes the tokens the first redemption issued", async () => {
    const c = await authorize(flow());
    const form = redemption(c);
    const first = await postForm("token", form);
    expect(first.status).toBe(200);
    const second = await postForm("token", form);
    expect(second.body.error).toBe("invalid_grant");
    await expect(verifyAccessToken(String(first.body.access_token), "mcp")).rejects.toMatchObject({ code: "invalid_token" });
    const refresh = await postForm("token", { grant_type: "refresh_token", refresh_token: String(first.body.refresh_token), client_id: clientId });
    expect(refresh.body.error).toBe("invalid_grant");
    expect((await grantOf(String(first.body.access_token))).revokedReason).toBe("code_reuse");
  });

  it("lets exactly one of eight concurrent redemptions of one code win", async () => {
    const c = await authorize(flow());
    const form = redemption(c);
    const results = await Promise.all(Array.from({ length: 8 }, () => postForm("token", form)));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.body.error === "invalid_grant")).toHaveLength(7);
  });
});

describe("refresh_token grant", () => {
  it("rotates: the new pair works and the old refresh token is spent", async () => {
    const first = await tokensFor(flow());
    const res = await postForm("token", { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId });
    expect(res.status).toBe(200);
    expect(res.body.refresh_token).not.toBe(first.refresh_token);
    await expect(verifyAccessToken(String(res.body.access_token), "mcp")).resolves.toBeTruthy();
  });

  it("answers a retry within the reuse window with the same new pair", async () => {
    const first = await tokensFor(flow());
    const form = { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId };
    const a = await postForm("token", form);
    const b = await postForm("token", form);
    expect(b.status).toBe(200);
    expect(b.body.refresh_token).toBe(a.body.refresh_token);
    expect(b.body.access_token).toBe(a.body.access_token);
  });

  it("revokes the whole grant when a rotated refresh token is reused after the window", async () => {
    const first = await tokensFor(flow());
    const form = { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId };
    const rotated = await postForm("token", form);
    vi.useFakeTimers({ now: Date.now() + (REFRESH_REUSE_WINDOW_SECONDS + 5) * 1000, toFake: ["Date"] });
    try {
      const reuse = await postForm("token", form);
      expect(reuse.body.error).toBe("invalid_grant");
    } finally {
      vi.useRealTimers();
    }
    const next = await postForm("token", { grant_type: "refresh_token", refresh_token: String(rotated.body.refresh_token), client_id: clientId });
    expect(next.body.error).toBe("invalid_grant");
    expect((await grantOf(first.access_token)).revokedReason).toBe("refresh_reuse");
    const events = await db.auditEvent.findMany({ where: { type: "refresh.reuse_detected", grantId: (await grantOf(first.access_token)).id } });
    expect(events).toHaveLength(1);
  });

  it("mints exactly one new refresh token for eight concurrent refreshes of one token", async () => {
    const first = await tokensFor(flow());
    const form = { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId };
    const results = await Promise.all(Array.from({ length: 8 }, () => postForm("token", form)));
    expect(results.every((r) => r.status === 200)).toBe(true);
    expect(new Set(results.map((r) => r.body.refresh_token)).size).toBe(1);
    const grant = await grantOf(first.access_token);
    expect(await db.oAuthRefreshToken.count({ where: { grantId: grant.id } })).toBe(2);
  });

  it("allows downscoping and refuses upscoping", async () => {
    const first = await tokensFor(flow());
    const down = await postForm("token", { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId, scope: "hourbook:read" });
    expect(down.body.scope).toBe("hourbook:read");
    const up = await postForm("token", { grant_type: "refresh_token", refresh_token: String(down.body.refresh_token), client_id: clientId, scope: "hourbook:read hourbook:admin" });
    expect(up.body).toMatchObject({ error: "invalid_scope" });
  });

  it("never grants or echoes openid and offline_access, however they are asked for", async () => {
    const first = await tokensFor({ ...flow(), scope: "openid hourbook:read offline_access" });
    expect(first.scope).toBe("hourbook:read");
    const claims = JSON.parse(Buffer.from(first.access_token.split(".")[1] ?? "", "base64url").toString()) as { scope: string };
    expect(claims.scope).toBe("hourbook:read");
    const same = await postForm("token", { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId, scope: "offline_access" });
    expect(same.body.scope).toBe("hourbook:read");
    const named = await postForm("token", { grant_type: "refresh_token", refresh_token: String(same.body.refresh_token), client_id: clientId, scope: "hourbook:read offline_access openid" });
    expect(named.body.scope).toBe("hourbook:read");
  });

  it.each([
    ["an unknown refresh token", { refresh_token: "hbrt_unknown" }, "invalid_grant"],
    ["a missing refresh token", { refresh_token: "" }, "invalid_request"],
    ["another resource", { resource: "http://localhost:3000/api" }, "invalid_target"],
  ])("refuses %s", async (_, extra, error) => {
    const first = await tokensFor(flow());
    const res = await postForm("token", { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId, ...extra });
    expect(res.body.error).toBe(error);
  });

  it("refuses to refresh for a disabled user", async () => {
    const grace = demo.grace;
    const analytical = demo.engines;
    const first = await tokensFor({ clientId, userId: grace.id, workspaceId: analytical.id });
    await db.user.update({ where: { id: grace.id }, data: { status: "disabled" } });
    try {
      const res = await postForm("token", { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId });
      expect(res.body.error).toBe("invalid_grant");
      await expect(verifyAccessToken(first.access_token, "mcp")).rejects.toMatchObject({ code: "invalid_token" });
    } finally {
      await db.user.update({ where: { id: grace.id }, data: { status: "active" } });
    }
  });
});

describe("confidential clients", () => {
  it.each(["client_secret_basic", "client_secret_post"] as const)("redeem a code with %s", async (method) => {
    const secret = "hbcs_test-secret-value";
    const confidential = await createTestClient({ authMethod: method, secret, kind: "developer_app" });
    const c = await authorize({ ...flow(), clientId: confidential, resource: "api" });
    const fields = { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT_URI };
    const res =
      method === "client_secret_basic"
        ? await postForm("token", fields, { authorization: `Basic ${Buffer.from(`${confidential}:${secret}`).toString("base64")}` })
        : await postForm("token", { ...fields, client_id: confidential, client_secret: secret });
    expect(res.status).toBe(200);
    await expect(verifyAccessToken(String(res.body.access_token), "api")).resolves.toBeTruthy();
    await expect(verifyAccessToken(String(res.body.access_token), "mcp")).rejects.toMatchObject({ code: "invalid_token", description: "The access token was issued for another resource." });
  });

  it("refuses a wrong secret with 401 invalid_client and a Basic challenge", async () => {
    const confidential = await createTestClient({ authMethod: "client_secret_basic", secret: "hbcs_right", kind: "developer_app" });
    const c = await authorize({ ...flow(), clientId: confidential });
    const res = await postForm("token", { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT_URI }, { authorization: `Basic ${Buffer.from(`${confidential}:hbcs_wrong`).toString("base64")}` });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe("invalid_client");
    expect(res.headers.get("www-authenticate")).toContain("Basic");
  });
});

describe("revocation (RFC 7009)", () => {
  it("revoking a refresh token ends the grant: the access token is refused next", async () => {
    const t = await tokensFor(flow());
    const res = await postForm("revoke", { token: t.refresh_token, client_id: clientId });
    expect(res.status).toBe(200);
    await expect(verifyAccessToken(t.access_token, "mcp")).rejects.toMatchObject({ code: "invalid_token" });
  });

  it("revoking an access token ends the grant: the refresh token stops working", async () => {
    const t = await tokensFor(flow());
    await postForm("revoke", { token: t.access_token, token_type_hint: "access_token", client_id: clientId });
    const res = await postForm("token", { grant_type: "refresh_token", refresh_token: t.refresh_token, client_id: clientId });
    expect(res.body.error).toBe("invalid_grant");
  });

  it("answers 200 for unknown tokens and ignores another client's tokens", async () => {
    const t = await tokensFor(flow());
    const other = await createTestClient();
    expect((await postForm("revoke", { token: "garbage", client_id: clientId })).status).toBe(200);
    expect((await postForm("revoke", { token: t.refresh_token, client_id: other })).status).toBe(200);
    await expect(verifyAccessToken(t.access_token, "mcp")).resolves.toBeTruthy();
  });

  it("requires the token parameter and client authentication", async () => {
    expect((await postForm("revoke", { client_id: clientId })).body.error).toBe("invalid_request");
    expect((await postForm("revoke", { token: "x", client_id: "nobody" })).status).toBe(401);
  });
});

/**
 * DPoP end to end (RFC 9449) through the real route handlers: the token endpoint binds tokens to
 * the proof's key, and /mcp and /api accept a bound token only with a fresh proof of that key.
 * Bearer tokens, for clients that send no proof, are covered unchanged by the surfaces' own tests.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as clientsRoute from "@/app/api/v1/clients/route";
import * as meRoute from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { apiCall } from "@/lib/testing/api-call";
import { loadDemoData } from "@/lib/testing/demo-data";
import { dpopProof, MCP_URL, newDpopKey, type DpopKey } from "@/lib/testing/dpop";
import { mcpRequest } from "@/lib/testing/mcp-call";
import { authorize, createTestClient, postForm, REDIRECT_URI, type AuthorizeOptions } from "@/lib/testing/oauth-flow";
import { authorizationServerMetadata, protectedResourceMetadata } from "../metadata";
import { hashToken } from "../secrets";
import { DPOP_SIGNING_ALGS } from "./validate-dpop-proof";

const ALGS = `algs="${DPOP_SIGNING_ALGS.join(" ")}"`;
const ME_URL = "http://localhost:3000/api/v1/me";

let adaId: string;
let lovelaceId: string;
let key: DpopKey;
let otherKey: DpopKey;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
  key = await newDpopKey();
  otherKey = await newDpopKey("EdDSA");
});

beforeEach(async () => {
  await db.workspace.update({ where: { id: lovelaceId }, data: { plan: "pro", publicApiAccess: true, billingState: "active", integrationClientPolicy: "any", integrationMaxAccess: "admin" } });
});

interface Tokens {
  access_token: string;
  refresh_token: string;
  token_type: string;
}

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1] ?? "", "base64url").toString()) as { cnf?: { jkt: string } };
const refreshRow = (refreshToken: string) => db.oAuthRefreshToken.findUniqueOrThrow({ where: { tokenHash: hashToken(refreshToken) } });

/** Authorizes and redeems the code with a proof of `proofKey` (none: null). */
async function redeem(proofKey: DpopKey | null, options: Partial<AuthorizeOptions> & { clientId: string }, headers: Record<string, string> = {}) {
  const { code, verifier } = await authorize({ userId: adaId, workspaceId: lovelaceId, ...options });
  const fields = { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: options.clientId };
  return postForm("token", fields, { ...(proofKey ? { dpop: await dpopProof(proofKey) } : {}), ...headers });
}

async function boundTokens(options: Partial<AuthorizeOptions> = {}): Promise<Tokens & { clientId: string }> {
  const clientId = options.clientId ?? (await createTestClient({ kind: options.resource === "api" ? "developer_app" : "dynamic" }));
  const res = await redeem(key, { scope: "hourbook:read hourbook:write", ...options, clientId });
  if (res.status !== 200) throw new Error(`token exchange failed: ${JSON.stringify(res.body)}`);
  return { ...(res.body as unknown as Tokens), clientId };
}

function refresh(tokens: { refresh_token: string; clientId: string }, headers: Record<string, string> = {}) {
  return postForm("token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: tokens.clientId }, headers);
}

/** tools/list over /mcp with `Authorization: <scheme> <token>` and, when given, a DPoP header. */
function mcpWith(scheme: "DPoP" | "Bearer", token: string, proof?: string, method = "tools/list", params: unknown = {}) {
  return mcpRequest(null, method, params, { authorization: `${scheme} ${token}`, ...(proof ? { dpop: proof } : {}) });
}

const mcpProof = (k: DpopKey, accessToken: string) => dpopProof(k, { htu: MCP_URL, accessToken });

describe("the token endpoint with a DPoP proof (RFC 9449 §5)", () => {
  it("binds the access token to the proof's key (cnf.jkt) and answers token_type DPoP", async () => {
    const tokens = await boundTokens();
    expect(tokens.token_type).toBe("DPoP");
    expect(claimsOf(tokens.access_token).cnf).toEqual({ jkt: key.jkt });
  });

  it("binds a public client's refresh token to the key too", async () => {
    const tokens = await boundTokens();
    expect((await refreshRow(tokens.refresh_token)).dpopJkt).toBe(key.jkt);
  });

  it("leaves a confidential client's refresh token unbound: its secret already constrains it", async () => {
    const secret = "hbcs_dpop-confidential";
    const clientId = await createTestClient({ authMethod: "client_secret_post", secret, kind: "developer_app" });
    const { code, verifier } = await authorize({ userId: adaId, workspaceId: lovelaceId, clientId, scope: "profile:read", resource: "api" });
    const res = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId, client_secret: secret }, { dpop: await dpopProof(key) });
    expect(res.body).toMatchObject({ token_type: "DPoP" });
    expect(claimsOf(String(res.body.access_token)).cnf).toEqual({ jkt: key.jkt });
    expect((await refreshRow(String(res.body.refresh_token))).dpopJkt).toBeNull();
    // Refreshed without a proof, it gets a Bearer token.
    const again = await postForm("token", { grant_type: "refresh_token", refresh_token: String(res.body.refresh_token), client_id: clientId, client_secret: secret });
    expect(again.body).toMatchObject({ token_type: "Bearer" });
    expect(claimsOf(String(again.body.access_token)).cnf).toBeUndefined();
  });

  it("issues Bearer tokens, unbound, to a request without a proof", async () => {
    const res = await redeem(null, { clientId: await createTestClient() });
    expect(res.body).toMatchObject({ token_type: "Bearer" });
    expect(claimsOf(String(res.body.access_token)).cnf).toBeUndefined();
    expect((await refreshRow(String(res.body.refresh_token))).dpopJkt).toBeNull();
  });

  it.each<[string, () => Promise<string>]>([
    ["a proof for another URL", () => dpopProof(key, { htu: "http://localhost:3000/oauth/revoke" })],
    ["a proof naming the request's own host instead of the configured one", () => dpopProof(key, { htu: "http://127.0.0.1/oauth/token" })],
    ["a proof for GET", () => dpopProof(key, { htm: "GET" })],
    ["a stale proof", () => dpopProof(key, { iat: Math.floor(Date.now() / 1000) - 600 })],
    ["a proof that is no JWT", async () => "garbage"],
  ])("refuses %s with 400 invalid_dpop_proof and leaves the code redeemable", async (_, proof) => {
    const clientId = await createTestClient();
    const { code, verifier } = await authorize({ userId: adaId, workspaceId: lovelaceId, clientId });
    const fields = { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI, client_id: clientId };
    const res = await postForm("token", fields, { dpop: await proof() });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid_dpop_proof");
    expect((await postForm("token", fields, { dpop: await dpopProof(key) })).status).toBe(200);
  });

  it("refuses a proof used before at the token endpoint", async () => {
    const clientId = await createTestClient();
    const proof = await dpopProof(key);
    const first = await authorize({ userId: adaId, workspaceId: lovelaceId, clientId });
    const second = await authorize({ userId: adaId, workspaceId: lovelaceId, clientId });
    const redeemWith = (c: { code: string; verifier: string }) =>
      postForm("token", { grant_type: "authorization_code", code: c.code, code_verifier: c.verifier, redirect_uri: REDIRECT_URI, client_id: clientId }, { dpop: proof });
    expect((await redeemWith(first)).status).toBe(200);
    const replay = await redeemWith(second);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatchObject({ error: "invalid_dpop_proof", error_description: expect.stringMatching(/already used/) });
  });
});

describe("refreshing a DPoP-bound refresh token", () => {
  it("keeps the binding: a proof of the same key gets a new bound pair", async () => {
    const tokens = await boundTokens();
    const res = await refresh(tokens, { dpop: await dpopProof(key) });
    expect(res.status).toBe(200);
    expect(res.body.token_type).toBe("DPoP");
    expect(claimsOf(String(res.body.access_token)).cnf).toEqual({ jkt: key.jkt });
    expect((await refreshRow(String(res.body.refresh_token))).dpopJkt).toBe(key.jkt);
  });

  it("refuses it without a proof, and the token stays usable", async () => {
    const tokens = await boundTokens();
    const res = await refresh(tokens);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/DPoP-bound/) });
    expect((await refresh(tokens, { dpop: await dpopProof(key) })).status).toBe(200);
  });

  it("refuses it with another key's proof, and the token stays usable", async () => {
    const tokens = await boundTokens();
    const res = await refresh(tokens, { dpop: await dpopProof(otherKey) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: "invalid_grant", error_description: expect.stringMatching(/another DPoP key/) });
    expect((await refresh(tokens, { dpop: await dpopProof(key) })).status).toBe(200);
  });

  it("binds a public client's unbound refresh token from the first refresh with a proof on", async () => {
    const clientId = await createTestClient();
    const bearer = await redeem(null, { clientId });
    const res = await refresh({ refresh_token: String(bearer.body.refresh_token), clientId }, { dpop: await dpopProof(key) });
    expect(res.body.token_type).toBe("DPoP");
    expect((await refreshRow(String(res.body.refresh_token))).dpopJkt).toBe(key.jkt);
  });
});

describe("a DPoP-bound token at /mcp (RFC 9449 §7)", () => {
  it("works with a fresh proof for each request", async () => {
    const { access_token } = await boundTokens();
    for (let i = 0; i < 2; i++) {
      const res = await mcpWith("DPoP", access_token, await mcpProof(key, access_token));
      expect(res.status).toBe(200);
      expect(res.body.result?.tools).toEqual(expect.any(Array));
    }
  });

  it("is refused by the workspace (403) with a DPoP challenge", async () => {
    const { access_token } = await boundTokens();
    await db.workspace.update({ where: { id: lovelaceId }, data: { publicApiAccess: false } });
    try {
      const res = await mcpWith("DPoP", access_token, await mcpProof(key, access_token));
      expect(res.status).toBe(403);
      expect(res.headers.get("www-authenticate")).toMatch(/^DPoP resource_metadata=/);
    } finally {
      await db.workspace.update({ where: { id: lovelaceId }, data: { publicApiAccess: true } });
    }
  });

  it("asks for a missing scope (step-up) with a DPoP challenge", async () => {
    const { access_token } = await boundTokens({ scope: "hourbook:read" });
    const res = await mcpWith("DPoP", access_token, await mcpProof(key, access_token), "tools/call", { name: "create_client", arguments: { name: "DPoP Step-up" } });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="insufficient_scope"/);
    expect(res.headers.get("www-authenticate")).toContain("clients:write");
  });

  it("is refused without a proof: 401 invalid_dpop_proof with a DPoP challenge", async () => {
    const { access_token } = await boundTokens();
    const res = await mcpWith("DPoP", access_token);
    expect(res.status).toBe(401);
    const challenge = res.headers.get("www-authenticate") ?? "";
    expect(challenge).toMatch(/^DPoP error="invalid_dpop_proof"/);
    expect(challenge).toContain(ALGS);
    expect(challenge).toContain('resource_metadata="http://localhost:3000/.well-known/oauth-protected-resource/mcp"');
  });

  it("is refused with another key's proof: 401 invalid_token with a DPoP challenge", async () => {
    const { access_token } = await boundTokens();
    const res = await mcpWith("DPoP", access_token, await mcpProof(otherKey, access_token));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_token", .*error_description="The DPoP proof is signed with another key/);
  });

  it("is refused with a replayed proof", async () => {
    const { access_token } = await boundTokens();
    const proof = await mcpProof(key, access_token);
    expect((await mcpWith("DPoP", access_token, proof)).status).toBe(200);
    const replay = await mcpWith("DPoP", access_token, proof);
    expect(replay.status).toBe(401);
    expect(replay.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_dpop_proof", .*already used/);
  });

  it("is refused as a Bearer token, even with a proof beside it (§7.2)", async () => {
    const { access_token } = await boundTokens();
    for (const proof of [undefined, await mcpProof(key, access_token)]) {
      const res = await mcpWith("Bearer", access_token, proof);
      expect(res.status).toBe(401);
      const challenge = res.headers.get("www-authenticate") ?? "";
      expect(challenge).toMatch(/^DPoP error="invalid_token"/);
      expect(challenge).toContain(ALGS);
    }
  });

  it.each<[string, (token: string) => Promise<string>]>([
    ["for another URL", (t) => dpopProof(key, { htu: ME_URL, accessToken: t })],
    ["for GET", (t) => dpopProof(key, { htu: MCP_URL, htm: "GET", accessToken: t })],
    ["without ath", () => dpopProof(key, { htu: MCP_URL })],
    ["over another access token", (t) => dpopProof(key, { htu: MCP_URL, accessToken: `${t}x` })],
  ])("is refused with a proof %s", async (_, proof) => {
    const { access_token } = await boundTokens();
    const res = await mcpWith("DPoP", access_token, await proof(access_token));
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_dpop_proof"/);
  });

  it("checks htu against the configured URL, not the Host the request came in on, and without the query", async () => {
    const { access_token } = await boundTokens();
    const { POST } = await import("@/app/mcp/route");
    const res = await POST(
      new Request("http://127.0.0.1:9999/mcp?trace=1", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", authorization: `DPoP ${access_token}`, dpop: await mcpProof(key, access_token) },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }),
      }),
    );
    expect(res.status).toBe(200);
  });

  it("refuses a Bearer token sent under the DPoP scheme", async () => {
    const res = await redeem(null, { clientId: await createTestClient() });
    const token = String(res.body.access_token);
    const refused = await mcpWith("DPoP", token, await mcpProof(key, token));
    expect(refused.status).toBe(401);
    expect(refused.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_token", .*not DPoP-bound/);
  });

  it("keeps serving a Bearer token, and ignores a DPoP header sent beside it", async () => {
    const res = await redeem(null, { clientId: await createTestClient() });
    const token = String(res.body.access_token);
    expect((await mcpWith("Bearer", token)).status).toBe(200);
    expect((await mcpWith("Bearer", token, await mcpProof(key, token))).status).toBe(200);
  });

  it("answers a refresh's new access token with the same key", async () => {
    const tokens = await boundTokens();
    const refreshed = await refresh(tokens, { dpop: await dpopProof(key) });
    const token = String(refreshed.body.access_token);
    expect((await mcpWith("DPoP", token, await mcpProof(key, token))).status).toBe(200);
    expect((await mcpWith("DPoP", token, await mcpProof(otherKey, token))).status).toBe(401);
  });

  it("lets a browser send the DPoP header (CORS preflight)", async () => {
    const { OPTIONS } = await import("@/app/mcp/route");
    const res = OPTIONS(new Request(MCP_URL, { method: "OPTIONS", headers: { origin: "http://localhost:6274", "access-control-request-method": "POST", "access-control-request-headers": "authorization, dpop" } }));
    expect(res.headers.get("access-control-allow-headers")).toContain("DPoP");
    expect(res.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
  });
});

describe("a DPoP-bound token at /api", () => {
  const apiTokens = () => boundTokens({ scope: "profile:read clients:read", resource: "api" });
  const meWith = (token: string, headers: Record<string, string>, path = "/api/v1/me") => apiCall(meRoute.GET, { path, headers: { authorization: `DPoP ${token}`, ...headers } });

  it("works with a fresh proof", async () => {
    const { access_token } = await apiTokens();
    const res = await meWith(access_token, { dpop: await dpopProof(key, { htm: "GET", htu: ME_URL, accessToken: access_token }) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ user: { email: "ada@example.com" } });
  });

  it("is refused without a proof: 401 problem invalid_dpop_proof with a DPoP challenge", async () => {
    const { access_token } = await apiTokens();
    const res = await meWith(access_token, {});
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_dpop_proof", status: 401 });
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_dpop_proof", resource_metadata="http:\/\/localhost:3000\/.well-known\/oauth-protected-resource\/api"/);
    expect(res.headers.get("www-authenticate")).toContain(ALGS);
  });

  it("is refused with another key's proof", async () => {
    const { access_token } = await apiTokens();
    const res = await meWith(access_token, { dpop: await dpopProof(otherKey, { htm: "GET", htu: ME_URL, accessToken: access_token }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_token" });
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_token"/);
  });

  it("is refused with a replayed proof", async () => {
    const { access_token } = await apiTokens();
    const proof = await dpopProof(key, { htm: "GET", htu: ME_URL, accessToken: access_token });
    expect((await meWith(access_token, { dpop: proof })).status).toBe(200);
    const replay = await meWith(access_token, { dpop: proof });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ code: "invalid_dpop_proof", detail: expect.stringMatching(/already used/) });
  });

  it("is refused as a Bearer token", async () => {
    const { access_token } = await apiTokens();
    const res = await apiCall(meRoute.GET, { path: "/api/v1/me", token: access_token });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_token" });
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="invalid_token"/);
  });

  it("is refused with a proof for another endpoint's path", async () => {
    const { access_token } = await apiTokens();
    const res = await meWith(access_token, { dpop: await dpopProof(key, { htm: "GET", htu: "http://localhost:3000/api/v1/clients", accessToken: access_token }) });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: "invalid_dpop_proof" });
  });

  it("asks for a missing scope with a DPoP challenge", async () => {
    const { access_token } = await apiTokens();
    const url = "http://localhost:3000/api/v1/clients";
    const res = await apiCall(clientsRoute.POST, {
      method: "POST",
      path: "/api/v1/clients",
      body: { name: "DPoP Scope Test" },
      headers: { authorization: `DPoP ${access_token}`, dpop: await dpopProof(key, { htu: url, accessToken: access_token }) },
    });
    expect(res.status).toBe(403);
    expect(res.headers.get("www-authenticate")).toMatch(/^DPoP error="insufficient_scope"/);
    expect(res.headers.get("www-authenticate")).toContain("clients:write");
  });
});

describe("discovery", () => {
  it("advertises the proof algorithms in the authorization server metadata (RFC 9449 §5.1)", () => {
    expect(authorizationServerMetadata().dpop_signing_alg_values_supported).toEqual([...DPOP_SIGNING_ALGS]);
  });

  it.each(["mcp", "api"] as const)("offers DPoP at the %s resource without requiring it (RFC 9728 §2)", (kind) => {
    expect(protectedResourceMetadata(kind)).toMatchObject({ dpop_signing_alg_values_supported: [...DPOP_SIGNING_ALGS], dpop_bound_access_tokens_required: false });
  });
});

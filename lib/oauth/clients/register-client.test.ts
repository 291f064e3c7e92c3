import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OAuthError } from "../errors";
import { UNUSED_REGISTRATION_TTL_SECONDS } from "../lifetimes";
import { RATE_LIMITS } from "../rate-limit";
import { hashToken } from "../secrets";
import { DEFAULT_CLIENT_NAME, markClientUsed, registerClient, sweepExpiredRegistrations } from "./register-client";

/** A fresh address per test, so the per-IP registration limit never couples tests. */
const freshIp = () => `test-${randomUUID()}`;

const minimal = { redirect_uris: ["http://127.0.0.1:33418/oauth/callback"] };

async function registrationError(body: unknown): Promise<OAuthError> {
  const error = await registerClient(body, freshIp()).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof OAuthError)) throw new Error(`expected an OAuthError, got ${String(error)}`);
  return error;
}

describe("registerClient", () => {
  it("registers a public client with defaults and echoes its metadata (RFC 7591 §3.2.1)", async () => {
    const before = Date.now();
    const response = await registerClient(
      { ...minimal, client_name: "Claude", scope: "hourbook:write hourbook:read", unknown_field: "ignored" },
      freshIp(),
    );

    expect(response.client_id).toMatch(/^hbci_[A-Za-z0-9_-]{22}$/);
    expect(response).toEqual({
      client_id: response.client_id,
      client_id_issued_at: expect.any(Number),
      client_name: "Claude",
      redirect_uris: minimal.redirect_uris,
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      scope: "hourbook:read hourbook:write",
    });
    expect(response).not.toHaveProperty("client_secret");
    expect(response).not.toHaveProperty("unknown_field");
    expect(response.client_id_issued_at).toBeGreaterThanOrEqual(Math.floor(before / 1000));

    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: response.client_id } });
    expect(row).toMatchObject({ kind: "dynamic", name: "Claude", tokenEndpointAuthMethod: "none", secretHash: null, allowedScopes: null });
    expect(row.redirectUris).toEqual(minimal.redirect_uris);
    expect(row.expiresAt!.getTime()).toBeGreaterThanOrEqual(before + UNUSED_REGISTRATION_TTL_SECONDS * 1000);

    const audit = await db.auditEvent.findMany({ where: { clientId: response.client_id } });
    expect(audit.map((e) => e.type)).toEqual(["client.registered"]);
  });

  it.each<[string, string | undefined]>([
    ["hourbook:read offline_access openid", "hourbook:read"],
    ["openid offline_access", undefined],
  ])("accepts the OIDC habit scopes in %j and registers %j", async (scope, registered) => {
    const response = await registerClient({ ...minimal, client_name: `Habits ${scope}`, scope }, freshIp());
    expect(response.scope).toBe(registered);
  });

  it("names an unnamed client and treats null and empty optional fields as absent", async () => {
    const response = await registerClient({ ...minimal, client_name: "", logo_uri: null, client_uri: "" }, freshIp());
    const wire: unknown = JSON.parse(JSON.stringify(response));
    expect(response.client_name).toBe(DEFAULT_CLIENT_NAME);
    expect(wire).not.toHaveProperty("logo_uri");
    expect(wire).not.toHaveProperty("client_uri");
  });

  it("keeps private-use scheme and https redirect URIs exactly, without duplicates", async () => {
    const uris = ["cursor://anysphere.cursor-retrieval/oauth/callback", "https://app.example.com/cb", "https://app.example.com/cb"];
    const response = await registerClient({ redirect_uris: uris }, freshIp());
    expect(response.redirect_uris).toEqual(["cursor://anysphere.cursor-retrieval/oauth/callback", "https://app.example.com/cb"]);
  });

  const longText = "x".repeat(201);
  it.each<[string, unknown, string]>([
    ["a body that is an array", [minimal], "invalid_client_metadata"],
    ["a body that is a string", "redirect_uris", "invalid_client_metadata"],
    ["a null body", null, "invalid_client_metadata"],
    ["missing redirect_uris", { client_name: "x" }, "invalid_redirect_uri"],
    ["empty redirect_uris", { redirect_uris: [] }, "invalid_redirect_uri"],
    ["redirect_uris as a string", { redirect_uris: "https://app.example.com/cb" }, "invalid_redirect_uri"],
    ["a non-string redirect URI", { redirect_uris: [42] }, "invalid_redirect_uri"],
    ["an http redirect URI on a public host", { redirect_uris: ["http://app.example.com/cb"] }, "invalid_redirect_uri"],
    ["a redirect URI with a fragment", { redirect_uris: ["https://app.example.com/cb#x"] }, "invalid_redirect_uri"],
    ["a javascript: redirect URI", { redirect_uris: ["javascript:alert(1)"] }, "invalid_redirect_uri"],
    ["a data: redirect URI", { redirect_uris: ["data:text/html,hi"] }, "invalid_redirect_uri"],
    ["a relative redirect URI", { redirect_uris: ["/callback"] }, "invalid_redirect_uri"],
    ["a redirect URI with credentials", { redirect_uris: ["https://u:p@app.example.com/cb"] }, "invalid_redirect_uri"],
    ["a bad URI among good ones", { redirect_uris: ["https://app.example.com/cb", "http://evil.example/cb"] }, "invalid_redirect_uri"],
    ["eleven redirect URIs", { redirect_uris: Array.from({ length: 11 }, (_, i) => `https://app.example.com/cb${i}`) }, "invalid_redirect_uri"],
    ["an overlong redirect URI", { redirect_uris: [`https://app.example.com/${"a".repeat(2000)}`] }, "invalid_redirect_uri"],
    ["token_endpoint_auth_method private_key_jwt", { ...minimal, token_endpoint_auth_method: "private_key_jwt" }, "invalid_client_metadata"],
    ["token_endpoint_auth_method client_secret_jwt", { ...minimal, token_endpoint_auth_method: "client_secret_jwt" }, "invalid_client_metadata"],
    ["token_endpoint_auth_method as a number", { ...minimal, token_endpoint_auth_method: 1 }, "invalid_client_metadata"],
    ["grant_types client_credentials", { ...minimal, grant_types: ["client_credentials"] }, "invalid_client_metadata"],
    ["grant_types implicit", { ...minimal, grant_types: ["authorization_code", "implicit"] }, "invalid_client_metadata"],
    ["grant_types without authorization_code", { ...minimal, grant_types: ["refresh_token"] }, "invalid_client_metadata"],
    ["grant_types as a string", { ...minimal, grant_types: "authorization_code" }, "invalid_client_metadata"],
    ["response_types token", { ...minimal, response_types: ["token"] }, "invalid_client_metadata"],
    ["empty response_types", { ...minimal, response_types: [] }, "invalid_client_metadata"],
    ["a client_name that is not a string", { ...minimal, client_name: ["Claude"] }, "invalid_client_metadata"],
    ["an overlong client_name", { ...minimal, client_name: "x".repeat(101) }, "invalid_client_metadata"],
    ["a client_name with control characters", { ...minimal, client_name: "Claude\u0000" }, "invalid_client_metadata"],
    ["a client_name with a bidi override", { ...minimal, client_name: "Claude\u202e" }, "invalid_client_metadata"],
    ["an http client_uri", { ...minimal, client_uri: "http://app.example.com" }, "invalid_client_metadata"],
    ["a javascript: logo_uri", { ...minimal, logo_uri: "javascript:alert(1)" }, "invalid_client_metadata"],
    ["a logo_uri that is not a URL", { ...minimal, logo_uri: "logo.png" }, "invalid_client_metadata"],
    ["an unknown scope", { ...minimal, scope: "hourbook:read root" }, "invalid_client_metadata"],
    ["a scope that is not a string", { ...minimal, scope: ["hourbook:read"] }, "invalid_client_metadata"],
    ["an overlong software_id", { ...minimal, software_id: longText }, "invalid_client_metadata"],
    ["a software_version that is not a string", { ...minimal, software_version: 2 }, "invalid_client_metadata"],
  ])("refuses %s", async (_name, body, code) => {
    const error = await registrationError(body);
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.description.length).toBeGreaterThan(0);
  });

  it("says which redirect URI is wrong and why", async () => {
    const error = await registrationError({ redirect_uris: ["https://app.example.com/cb", "http://evil.example/cb"] });
    expect(error.description).toContain("redirect_uris.1");
    expect(error.description).toContain("http on a non-loopback host");
  });

  it("creates nothing when a registration is refused", async () => {
    const before = await db.oAuthClient.count();
    await registrationError({ redirect_uris: ["javascript:alert(1)"], client_name: "Refused" });
    expect(await db.oAuthClient.count()).toBe(before);
  });
});

describe("registerClient: duplicate registrations", () => {
  const metadata = { redirect_uris: ["http://127.0.0.1/cb", "http://[::1]/cb"], client_name: "mcp-remote", software_id: "mcp-remote" };

  it("returns the same public client for the same metadata, in any redirect URI order", async () => {
    const first = await registerClient(metadata, freshIp());
    const second = await registerClient({ ...metadata, redirect_uris: [...metadata.redirect_uris].reverse() }, freshIp());
    expect(second.client_id).toBe(first.client_id);
    expect(second.client_id_issued_at).toBe(first.client_id_issued_at);
    expect(await db.oAuthClient.count({ where: { name: "mcp-remote" } })).toBe(1);
  });

  it("renews the lease of an unused registration it reuses", async () => {
    const first = await registerClient({ ...metadata, client_name: "lease" }, freshIp());
    await db.oAuthClient.update({ where: { id: first.client_id }, data: { expiresAt: new Date(Date.now() + 60_000) } });
    await registerClient({ ...metadata, client_name: "lease" }, freshIp());
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: first.client_id } });
    expect(row.expiresAt!.getTime()).toBeGreaterThan(Date.now() + (UNUSED_REGISTRATION_TTL_SECONDS - 60) * 1000);
  });

  it("keeps a used registration permanent when it is reused", async () => {
    const first = await registerClient({ ...metadata, client_name: "used" }, freshIp());
    await markClientUsed(first.client_id);
    const second = await registerClient({ ...metadata, client_name: "used" }, freshIp());
    expect(second.client_id).toBe(first.client_id);
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: first.client_id } });
    expect(row.expiresAt).toBeNull();
  });

  it.each<[string, Record<string, unknown>]>([
    ["another name", { client_name: "other" }],
    ["another redirect URI", { redirect_uris: ["http://127.0.0.1/other"] }],
    ["another software version", { software_version: "2.0.0" }],
    ["other grant types", { grant_types: ["authorization_code"] }],
    ["a scope", { scope: "hourbook:read" }],
  ])("registers a new client when only %s differs", async (_name, change) => {
    const base = { ...metadata, client_name: `differs-${randomUUID()}` };
    const first = await registerClient(base, freshIp());
    const second = await registerClient({ ...base, ...change }, freshIp());
    expect(second.client_id).not.toBe(first.client_id);
  });

  it("does not reuse an expired registration", async () => {
    const first = await registerClient({ ...metadata, client_name: "expired" }, freshIp());
    await db.oAuthClient.update({ where: { id: first.client_id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const second = await registerClient({ ...metadata, client_name: "expired" }, freshIp());
    expect(second.client_id).not.toBe(first.client_id);
  });
});

describe("registerClient: confidential clients", () => {
  it.each(["client_secret_basic", "client_secret_post"] as const)("issues a %s client a secret, shown once and stored hashed", async (method) => {
    const body = { ...minimal, client_name: `confidential ${method}`, token_endpoint_auth_method: method };
    const first = await registerClient(body, freshIp());

    expect(first.token_endpoint_auth_method).toBe(method);
    expect(first.client_secret).toMatch(/^hbcs_/);
    expect(first.client_secret_expires_at).toBe(0);
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: first.client_id } });
    expect(row.secretHash).toBe(hashToken(first.client_secret!));
    expect(row.tokenEndpointAuthMethod).toBe(method);
    expect(row.secretIssuedAt).not.toBeNull();
    expect(JSON.stringify(row)).not.toContain(first.client_secret);

    // The same metadata again is a new client with its own secret: a secret is never returned twice.
    const second = await registerClient(body, freshIp());
    expect(second.client_id).not.toBe(first.client_id);
    expect(second.client_secret).toMatch(/^hbcs_/);
    expect(second.client_secret).not.toBe(first.client_secret);
  });
});

describe("registerClient: rate limit", () => {
  it(`answers 429 after ${RATE_LIMITS.register.limit} registrations from one address`, async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMITS.register.limit; i++) {
      await registerClient({ ...minimal, client_name: `burst ${i}` }, ip);
    }
    const error = await registerClient({ ...minimal, client_name: "one too many" }, ip).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OAuthError);
    expect((error as OAuthError).code).toBe("too_many_requests");
    expect((error as OAuthError).status).toBe(429);
    expect((error as OAuthError).retryAfterSeconds).toBeGreaterThan(0);

    // Another address is unaffected.
    await expect(registerClient({ ...minimal, client_name: "elsewhere" }, freshIp())).resolves.toHaveProperty("client_id");
  });

  it("counts refused registrations too", async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMITS.register.limit; i++) {
      await registerClient({ redirect_uris: [] }, ip).catch(() => undefined);
    }
    await expect(registerClient({ ...minimal, client_name: "new after junk" }, ip)).rejects.toMatchObject({ code: "too_many_requests" });
  });

  it("answers a re-registration of existing metadata even past the limit, and does not count it", async () => {
    const ip = freshIp();
    const existing = await registerClient({ ...minimal, client_name: "mcp-remote on every start" }, ip);
    for (let i = 0; i < RATE_LIMITS.register.limit * 2; i++) {
      await expect(registerClient({ ...minimal, client_name: "mcp-remote on every start" }, ip)).resolves.toMatchObject({
        client_id: existing.client_id,
      });
    }
    // Only the first registration counted: the address still has allowance for new ones.
    await expect(registerClient({ ...minimal, client_name: "a new one" }, ip)).resolves.toHaveProperty("client_id");
    for (let i = 0; i < RATE_LIMITS.register.limit; i++) await registerClient({ redirect_uris: [] }, ip).catch(() => undefined);
    await expect(registerClient({ ...minimal, client_name: "mcp-remote on every start" }, ip)).resolves.toMatchObject({
      client_id: existing.client_id,
    });
  });
});

describe("unused registrations", () => {
  async function grantFor(clientId: string) {
    const suffix = randomUUID();
    const user = await db.user.create({ data: { email: `${suffix}@example.com`, name: "Ada", passwordHash: "x" } });
    const workspace = await db.workspace.create({ data: { slug: `ws-${suffix}`, name: "Studio" } });
    return db.oAuthGrant.create({
      data: { userId: user.id, clientId, workspaceId: workspace.id, resource: "http://localhost:3000/mcp", scope: "hourbook:read" },
    });
  }

  it("markClientUsed makes a registration permanent and records its use", async () => {
    const { client_id } = await registerClient({ ...minimal, client_name: "mark" }, freshIp());
    await markClientUsed(client_id);
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: client_id } });
    expect(row.expiresAt).toBeNull();
    expect(row.lastUsedAt).not.toBeNull();
  });

  it("markClientUsed ignores an unknown client", async () => {
    await expect(markClientUsed("hbci_unknown")).resolves.toBeUndefined();
  });

  it("sweeps expired dynamic registrations without grants, and nothing else", async () => {
    const past = new Date(Date.now() - 1000);
    const expired = await registerClient({ ...minimal, client_name: "sweep expired" }, freshIp());
    const expiredWithGrant = await registerClient({ ...minimal, client_name: "sweep granted" }, freshIp());
    const live = await registerClient({ ...minimal, client_name: "sweep live" }, freshIp());
    await db.oAuthClient.updateMany({ where: { id: { in: [expired.client_id, expiredWithGrant.client_id] } }, data: { expiresAt: past } });
    await grantFor(expiredWithGrant.client_id);
    await db.oAuthClient.create({
      data: { id: "https://cimd.example/client.json", kind: "metadata_document", name: "cimd", redirectUris: [], expiresAt: past },
    });

    expect(await sweepExpiredRegistrations()).toBe(1);
    const left = await db.oAuthClient.findMany({ select: { id: true } });
    const ids = left.map((r) => r.id);
    expect(ids).not.toContain(expired.client_id);
    expect(ids).toEqual(expect.arrayContaining([expiredWithGrant.client_id, live.client_id, "https://cimd.example/client.json"]));
  });

  it("sweeps while registering", async () => {
    const stale = await registerClient({ ...minimal, client_name: "swept on register" }, freshIp());
    await db.oAuthClient.update({ where: { id: stale.client_id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await registerClient({ ...minimal, client_name: "trigger" }, freshIp());
    expect(await db.oAuthClient.findUnique({ where: { id: stale.client_id } })).toBeNull();
  });
});

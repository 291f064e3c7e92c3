/**
 * RFC 9068 access tokens: what a token carries, and each way a token that is not one of ours
 * for this resource — expired, for the other resource, from another issuer, signed with
 * another key or algorithm, of another type, missing a claim — is refused.
 */
import { generateKeyPair, SignJWT } from "jose";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { issuer, protectedResource } from "@/lib/domain/integrations/resources";
import { checkAccessTokenJwt, issueAccessToken, readAccessTokenForRevocation } from "./access-token";
import { ACCESS_TOKEN_TTL_SECONDS } from "./lifetimes";
import { currentSigningKey, KEY_SET_REFRESH_SECONDS, rotateSigningKey } from "./signing-keys";

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const subject = { userId: "user-1", clientId: "client-1", grantId: "grant-1", workspaceId: "workspace-1", resource: "mcp" as const, scope: "time:write time:read" };

const DAY_MS = 24 * 60 * 60 * 1000;

const decode = (part: string | undefined) => JSON.parse(Buffer.from(part ?? "", "base64url").toString()) as Record<string, unknown>;

/** Freezes Date.now at `now` (timers keep running, so Prisma is unaffected). */
const freezeDate = (now: number) => vi.useFakeTimers({ now, toFake: ["Date"] });

/** A token like ours, signed with the current key unless told otherwise, with claims and header replaced or (undefined) removed. */
async function forge(options: { claims?: Record<string, unknown>; header?: Record<string, unknown>; key?: CryptoKey | Uint8Array } = {}): Promise<string> {
  const signer = await currentSigningKey();
  const now = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = {
    iss: issuer(),
    sub: "user-1",
    aud: protectedResource("mcp").url,
    iat: now,
    exp: now + 600,
    jti: "jti-1",
    client_id: "client-1",
    scope: "time:read",
    grant_id: "grant-1",
    workspace_id: "workspace-1",
    ...options.claims,
  };
  const header = { alg: "ES256", typ: "at+jwt", kid: signer.kid, ...options.header };
  const defined = <T extends Record<string, unknown>>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
  return new SignJWT(defined(claims))
    .setProtectedHeader(defined(header) as { alg: string })
    .sign(options.key ?? signer.privateKey);
}

describe("issueAccessToken", () => {
  it("issues a token that checks out for its resource with every claim it was given", async () => {
    const issued = await issueAccessToken(subject);
    expect(issued.expiresIn).toBe(ACCESS_TOKEN_TTL_SECONDS);
    const check = await checkAccessTokenJwt(issued.token, "mcp");
    expect(check).toEqual({
      ok: true,
      claims: {
        userId: "user-1",
        clientId: "client-1",
        grantId: "grant-1",
        workspaceId: "workspace-1",
        scopes: ["time:read", "time:write"],
        jti: expect.any(String),
        expiresAt: expect.any(Date),
      },
    });
  });

  it("signs an RFC 9068 at+jwt with the current key, for the resource, lasting the access token lifetime", async () => {
    const { token } = await issueAccessToken({ ...subject, resource: "api" });
    const [header, payload] = token.split(".");
    expect(decode(header)).toEqual({ alg: "ES256", typ: "at+jwt", kid: (await currentSigningKey()).kid });
    const claims = decode(payload);
    expect(claims).toMatchObject({ iss: issuer(), sub: "user-1", aud: protectedResource("api").url, client_id: "client-1", grant_id: "grant-1", workspace_id: "workspace-1" });
    expect(Number(claims.exp) - Number(claims.iat)).toBe(ACCESS_TOKEN_TTL_SECONDS);
    const check = await checkAccessTokenJwt(token, "api");
    expect(check.ok && check.claims.expiresAt.getTime()).toBe(Number(claims.exp) * 1000);
  });

  it("gives each token its own 128-bit jti", async () => {
    const a = decode((await issueAccessToken(subject)).token.split(".")[1]).jti;
    const b = decode((await issueAccessToken(subject)).token.split(".")[1]).jti;
    expect(a).not.toBe(b);
    expect(Buffer.from(String(a), "base64url")).toHaveLength(16);
  });
});

describe("checkAccessTokenJwt", () => {
  it("refuses an expired token as expired", async () => {
    const { token } = await issueAccessToken(subject);
    freezeDate(Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000);
    expect(await checkAccessTokenJwt(token, "mcp")).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a token for the other resource as wrong_audience", async () => {
    const { token } = await issueAccessToken(subject);
    expect(await checkAccessTokenJwt(token, "api")).toEqual({ ok: false, reason: "wrong_audience" });
  });

  it.each<[string, () => Promise<string>]>([
    ["from another issuer", () => forge({ claims: { iss: "https://evil.example" } })],
    ["without an issuer", () => forge({ claims: { iss: undefined } })],
    ["of type JWT (an ID token, say)", () => forge({ header: { typ: "JWT" } })],
    ["without a type", () => forge({ header: { typ: undefined } })],
    ["signed with another key under our kid", async () => forge({ key: (await generateKeyPair("ES256")).privateKey })],
    ["signed with a key we never published", async () => forge({ key: (await generateKeyPair("ES256")).privateKey, header: { kid: "unknown-kid" } })],
    ["signed with HS256", () => forge({ header: { alg: "HS256" }, key: new Uint8Array(32) })],
    ["without a subject", () => forge({ claims: { sub: undefined } })],
    ["without a client_id", () => forge({ claims: { client_id: undefined } })],
    ["without a grant_id", () => forge({ claims: { grant_id: undefined } })],
    ["without a workspace_id", () => forge({ claims: { workspace_id: undefined } })],
    ["without a jti", () => forge({ claims: { jti: undefined } })],
    ["without a scope", () => forge({ claims: { scope: undefined } })],
    ["without an expiry", () => forge({ claims: { exp: undefined } })],
    ["with an empty grant_id", () => forge({ claims: { grant_id: "" } })],
  ])("refuses a token %s as invalid", async (_, make) => {
    expect(await checkAccessTokenJwt(await make(), "mcp")).toEqual({ ok: false, reason: "invalid" });
  });

  it.each(["", "not-a-jwt", "a.b.c", "%%%.e30.sig"])("refuses %j as invalid", async (token) => {
    expect(await checkAccessTokenJwt(token, "mcp")).toEqual({ ok: false, reason: "invalid" });
  });

  it("accepts a token signed with a key another instance created since the key set was read", async () => {
    expect((await checkAccessTokenJwt((await issueAccessToken(subject)).token, "mcp")).ok).toBe(true);
    await rotateSigningKey();
    const { token } = await issueAccessToken(subject);
    expect((await checkAccessTokenJwt(token, "mcp")).ok).toBe(true);
  });

  // Each of the next two starts at a moment of its own, later than any key set read before.
  it("reuses the published keys for KEY_SET_REFRESH_SECONDS, then reads them again", async () => {
    const start = Date.now() + 30 * DAY_MS;
    freezeDate(start);
    const { token } = await issueAccessToken(subject);
    await checkAccessTokenJwt(token, "mcp");
    const reads = vi.spyOn(db.oAuthSigningKey, "findMany");
    expect((await checkAccessTokenJwt(token, "mcp")).ok).toBe(true);
    freezeDate(start + KEY_SET_REFRESH_SECONDS * 1000);
    expect((await checkAccessTokenJwt(token, "mcp")).ok).toBe(true);
    expect(reads).not.toHaveBeenCalled();
    freezeDate(start + KEY_SET_REFRESH_SECONDS * 1000 + 1);
    expect((await checkAccessTokenJwt(token, "mcp")).ok).toBe(true);
    expect(reads).toHaveBeenCalledTimes(1);
  });

  it("does not read the keys again for a token whose kid is not a string", async () => {
    freezeDate(Date.now() + 45 * DAY_MS);
    await checkAccessTokenJwt((await issueAccessToken(subject)).token, "mcp");
    const reads = vi.spyOn(db.oAuthSigningKey, "findMany");
    expect(await checkAccessTokenJwt(await forge({ header: { kid: 42 } }), "mcp")).toEqual({ ok: false, reason: "invalid" });
    expect(reads).not.toHaveBeenCalled();
  });

  it("stops accepting a key that is no longer published once the key set is KEY_SET_REFRESH_SECONDS old", async () => {
    const start = Date.now() + 60 * DAY_MS;
    freezeDate(start);
    const { token } = await issueAccessToken(subject);
    const { kid } = await currentSigningKey();
    expect((await checkAccessTokenJwt(token, "mcp")).ok).toBe(true);
    await rotateSigningKey();
    await db.oAuthSigningKey.update({ where: { kid }, data: { retiredAt: new Date(0) } });
    freezeDate(start + KEY_SET_REFRESH_SECONDS * 1000 + 1_000);
    expect(await checkAccessTokenJwt(token, "mcp")).toEqual({ ok: false, reason: "invalid" });
  });
});

describe("readAccessTokenForRevocation", () => {
  it.each(["mcp", "api"] as const)("reads a token of ours for the %s resource", async (resource) => {
    const { token } = await issueAccessToken({ ...subject, resource });
    expect(await readAccessTokenForRevocation(token)).toMatchObject({ userId: "user-1", clientId: "client-1", grantId: "grant-1", workspaceId: "workspace-1" });
  });

  it("reads a token that expired within the last day", async () => {
    const { token } = await issueAccessToken(subject);
    freezeDate(Date.now() + 12 * 60 * 60 * 1000);
    expect(await readAccessTokenForRevocation(token)).toMatchObject({ grantId: "grant-1" });
  });

  it("ignores a token that expired more than a day ago", async () => {
    const { token } = await issueAccessToken(subject);
    freezeDate(Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 25 * 60 * 60) * 1000);
    expect(await readAccessTokenForRevocation(token)).toBeNull();
  });

  it.each<[string, () => Promise<string>]>([
    ["for a foreign audience", () => forge({ claims: { aud: "https://evil.example/mcp" } })],
    ["from another issuer", () => forge({ claims: { iss: "https://evil.example" } })],
    ["of type JWT", () => forge({ header: { typ: "JWT" } })],
    ["signed with another key", async () => forge({ key: (await generateKeyPair("ES256")).privateKey })],
    ["signed with HS256", () => forge({ header: { alg: "HS256" }, key: new Uint8Array(32) })],
    ["that is not a JWT", async () => "garbage"],
  ])("ignores a token %s", async (_, make) => {
    expect(await readAccessTokenForRevocation(await make())).toBeNull();
  });
});

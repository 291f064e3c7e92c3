import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { checkAccessTokenJwt, issueAccessToken } from "./access-token";
import { publishedKeys, rotateSigningKey } from "./signing-keys";

const subject = { userId: "u1", clientId: "c1", grantId: "g1", workspaceId: "w1", resource: "mcp" as const, scope: "hourbook:read" };

describe("signing keys", () => {
  it("are created on first use, persisted encrypted, and published without private parts", async () => {
    await issueAccessToken(subject);
    const rows = await db.oAuthSigningKey.findMany();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.privateJwk).toMatch(/^v1\./);
    const { keys } = await publishedKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig" });
    expect(keys[0]).not.toHaveProperty("d");
  });

  it("rotate: new tokens use the new key, tokens signed before still verify", async () => {
    const before = await issueAccessToken(subject);
    const kid = await rotateSigningKey();
    const after = await issueAccessToken(subject);
    const header = JSON.parse(Buffer.from(after.token.split(".")[0] ?? "", "base64url").toString()) as { kid: string };
    expect(header.kid).toBe(kid);
    expect((await publishedKeys()).keys.map((k) => k.kid)).toContain(kid);
    expect((await checkAccessTokenJwt(before.token, "mcp")).ok).toBe(true);
    expect((await checkAccessTokenJwt(after.token, "mcp")).ok).toBe(true);
  });

  it("refuses a token for another audience, with another typ, or tampered", async () => {
    const { token } = await issueAccessToken(subject);
    expect(await checkAccessTokenJwt(token, "api")).toEqual({ ok: false, reason: "wrong_audience" });
    const [h, p, s] = token.split(".");
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p ?? "", "base64url").toString()), scope: "hourbook:admin" })).toString("base64url");
    expect(await checkAccessTokenJwt(`${h}.${forgedPayload}.${s}`, "mcp")).toEqual({ ok: false, reason: "invalid" });
    const idTokenHeader = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(h ?? "", "base64url").toString()), typ: "JWT" })).toString("base64url");
    expect(await checkAccessTokenJwt(`${idTokenHeader}.${p}.${s}`, "mcp")).toEqual({ ok: false, reason: "invalid" });
  });
});

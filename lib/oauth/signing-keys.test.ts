import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { checkAccessTokenJwt, issueAccessToken } from "./access-token";
import { checkSharedSecrets } from "./check-shared-secrets";
import { assertSigningKeyReadable, currentSigningKey, publishedKeys, rotateSigningKey } from "./signing-keys";

/** Runs `work` as an instance whose HOURBOOK_ENCRYPTION_SECRET is `secret`. */
async function withEncryptionSecret(secret: string | undefined, work: () => Promise<void>) {
  const own = env.HOURBOOK_ENCRYPTION_SECRET;
  env.HOURBOOK_ENCRYPTION_SECRET = secret;
  try {
    await work();
  } finally {
    env.HOURBOOK_ENCRYPTION_SECRET = own;
  }
}

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

  it("an instance with another HOURBOOK_ENCRYPTION_SECRET refuses to start, naming the setting to share", async () => {
    await currentSigningKey();
    await withEncryptionSecret("another instance's secret, not this one's", async () => {
      const refused = /Cannot decrypt signing key \S+ \(the one access tokens are signed with\) with this instance's HOURBOOK_ENCRYPTION_SECRET \(from the environment\).*must be given the same HOURBOOK_ENCRYPTION_SECRET/;
      await expect(assertSigningKeyReadable()).rejects.toThrow(refused);
      await expect(checkSharedSecrets(() => {})).rejects.toThrow(refused);
    });
    await expect(assertSigningKeyReadable()).resolves.toBeUndefined();
  });

  it("with no signing key yet there is nothing to mismatch", async () => {
    await db.oAuthSigningKey.deleteMany();
    await withEncryptionSecret("another instance's secret, not this one's", () => expect(assertSigningKeyReadable()).resolves.toBeUndefined());
  });
});

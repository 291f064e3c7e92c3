import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OAuthError } from "../errors";
import { hashToken } from "../secrets";
import type { RateLimit } from "../rate-limit";
import { authenticateClient, authenticateCountedClient, rotateClientSecret } from "./authenticate-client";

const SECRET = {
  basic: "hbcs_basic-secret",
  post: "hbcs_post-secret",
  // Needs form-url-encoding in Basic (RFC 6749 §2.3.1): space, plus, colon, slash, percent.
  awkward: "s3cret +/:%x",
};

async function createClient(id: string, method: "none" | "client_secret_basic" | "client_secret_post", secret?: string, extra = {}) {
  await db.oAuthClient.create({
    data: {
      id,
      kind: method === "none" ? "dynamic" : "developer_app",
      name: id,
      redirectUris: ["https://app.example.com/cb"],
      tokenEndpointAuthMethod: method,
      secretHash: secret ? hashToken(secret) : null,
      ...extra,
    },
  });
}

beforeAll(async () => {
  await createClient("hbci_public", "none");
  await createClient("hbci_basic", "client_secret_basic", SECRET.basic);
  await createClient("hbci_post", "client_secret_post", SECRET.post);
  await createClient("dev app:1", "client_secret_basic", SECRET.awkward);
  await createClient("hbci_expired", "none", undefined, { expiresAt: new Date(Date.now() - 1000) });
  await createClient("hbci_rotate", "client_secret_post", "hbcs_before-rotation");
  await createClient("hbci_rotate_basic", "client_secret_basic", "hbcs_before-rotation");
  await createClient("z", "client_secret_basic", SECRET.basic);
  await createClient("hbci_no_secret", "client_secret_basic");
  await createClient("hbci_bad_hash", "client_secret_basic", undefined, { secretHash: "not-a-sha256-hash" });
});

/** RFC 6749 §2.3.1: form-url-encode each part, then Basic-encode "id:secret". */
function basic(id: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(id)}:${encode(secret)}`).toString("base64")}`;
}

function tokenRequest(authorization?: string): Request {
  return new Request("http://localhost:3000/oauth/token", {
    method: "POST",
    headers: authorization ? { authorization } : {},
  });
}

/** `ok:<client id>`, or `<error>:<status>` with the description the client is shown. */
async function attempt(authorization: string | undefined, form: Record<string, string>): Promise<{ outcome: string; description?: string }> {
  try {
    const client = await authenticateClient(tokenRequest(authorization), new Map(Object.entries(form)));
    return { outcome: `ok:${client.id}` };
  } catch (error) {
    if (error instanceof OAuthError) return { outcome: `${error.code}:${error.status}`, description: error.description };
    throw error;
  }
}

async function outcome(authorization: string | undefined, form: Record<string, string>): Promise<string> {
  return (await attempt(authorization, form)).outcome;
}

describe("authenticateClient", () => {
  it.each<[string, string | undefined, Record<string, string>, string]>([
    // none
    ["a public client identifying itself", undefined, { client_id: "hbci_public" }, "ok:hbci_public"],
    ["a public client sending Basic with an empty secret", basic("hbci_public", ""), {}, "ok:hbci_public"],
    // client_secret_basic
    ["a basic client with the right secret", basic("hbci_basic", SECRET.basic), {}, "ok:hbci_basic"],
    ["a basic client also naming itself in the body", basic("hbci_basic", SECRET.basic), { client_id: "hbci_basic" }, "ok:hbci_basic"],
    ["form-url-encoded Basic credentials", basic("dev app:1", SECRET.awkward), {}, "ok:dev app:1"],
    ["a one-character client_id in Basic", basic("z", SECRET.basic), {}, "ok:z"],
    ["several spaces after the Basic scheme", basic("hbci_basic", SECRET.basic).replace(" ", "   "), {}, "ok:hbci_basic"],
    ["spaces after the Basic credentials", `${basic("hbci_basic", SECRET.basic)}  `, {}, "ok:hbci_basic"],
    // client_secret_post
    ["a post client with the right secret", undefined, { client_id: "hbci_post", client_secret: SECRET.post }, "ok:hbci_post"],
  ])("accepts %s", async (_name, authorization, form, expected) => {
    expect(await outcome(authorization, form)).toBe(expected);
  });

  it.each<[string, string | undefined, Record<string, string>, string, RegExp]>([
    // none
    ["a public client sending a secret in the body", undefined, { client_id: "hbci_public", client_secret: "guess" }, "invalid_client:401", /public client.*must not send a client secret/],
    ["a public client sending a secret in Basic", basic("hbci_public", "guess"), {}, "invalid_client:401", /public client.*must not send a client secret/],
    // client_secret_basic
    ["a basic client with a wrong secret", basic("hbci_basic", "hbcs_wrong"), {}, "invalid_client:401", /authentication failed/],
    ["a basic client using client_secret_post", undefined, { client_id: "hbci_basic", client_secret: SECRET.basic }, "invalid_client:401", /registered for client_secret_basic, not client_secret_post/],
    ["a basic client sending no secret", undefined, { client_id: "hbci_basic" }, "invalid_client:401", /must authenticate with client_secret_basic/],
    ["a basic client sending Basic with an empty secret", basic("hbci_basic", ""), {}, "invalid_client:401", /must authenticate with client_secret_basic/],
    ["a confidential client with no stored secret", basic("hbci_no_secret", "anything"), {}, "invalid_client:401", /authentication failed/],
    ["a confidential client whose stored hash is malformed", basic("hbci_bad_hash", "anything"), {}, "invalid_client:401", /authentication failed/],
    ["Basic credentials that were not form-url-encoded", `Basic ${Buffer.from(`dev app%3A1:${SECRET.awkward}`).toString("base64")}`, {}, "invalid_request:400", /form-url-encoded/],
    // client_secret_post
    ["a post client with a wrong secret", undefined, { client_id: "hbci_post", client_secret: "hbcs_wrong" }, "invalid_client:401", /authentication failed/],
    ["a post client using client_secret_basic", basic("hbci_post", SECRET.post), {}, "invalid_client:401", /registered for client_secret_post, not client_secret_basic/],
    ["a post client sending no secret", undefined, { client_id: "hbci_post" }, "invalid_client:401", /must authenticate with client_secret_post/],
    ["a secret with no client_id", undefined, { client_secret: SECRET.post }, "invalid_client:401", /send client_id/],
    // unknown or gone
    ["an unknown client", undefined, { client_id: "hbci_nobody" }, "invalid_client:401", /Unknown client/],
    ["an unknown client in Basic", basic("hbci_nobody", "x"), {}, "invalid_client:401", /Unknown client/],
    ["an expired dynamic registration", undefined, { client_id: "hbci_expired" }, "invalid_client:401", /Unknown client/],
    ["no client at all", undefined, {}, "invalid_client:401", /Client authentication is required/],
    // mixed or malformed
    ["Basic and a body secret together", basic("hbci_basic", SECRET.basic), { client_secret: SECRET.basic }, "invalid_request:400", /exactly one client authentication method/],
    ["Basic and a different client_id in the body", basic("hbci_basic", SECRET.basic), { client_id: "hbci_post" }, "invalid_request:400", /client_id in the body does not match/],
    ["a client assertion", undefined, { client_id: "hbci_post", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: "x.y.z" }, "invalid_client:401", /assertions are not supported/],
    ["a client assertion type alone", undefined, { client_id: "hbci_public", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer" }, "invalid_client:401", /assertions are not supported/],
    ["a client assertion and a secret", undefined, { client_id: "hbci_post", client_secret: SECRET.post, client_assertion: "x.y.z" }, "invalid_request:400", /exactly one client authentication method/],
    ["a Bearer Authorization header", "Bearer abc", { client_id: "hbci_public" }, "invalid_request:400", /must use the Basic scheme/],
    ["a scheme that merely ends in Basic", basic("hbci_basic", SECRET.basic).replace("Basic", "NotBasic"), {}, "invalid_request:400", /must use the Basic scheme/],
    ["Basic credentials followed by more", `${basic("hbci_basic", SECRET.basic)} extra`, {}, "invalid_request:400", /must use the Basic scheme/],
    ["Basic that is not base64", "Basic !!!", {}, "invalid_request:400", /must use the Basic scheme/],
    ["Basic without a colon", `Basic ${Buffer.from("hbci_basic").toString("base64")}`, {}, "invalid_request:400", /must be client_id:client_secret/],
    ["Basic with an empty client_id", `Basic ${Buffer.from(":secret").toString("base64")}`, {}, "invalid_request:400", /must be client_id:client_secret/],
    ["Basic with broken percent-encoding", `Basic ${Buffer.from("hbci_basic:%zz").toString("base64")}`, {}, "invalid_request:400", /form-url-encoded/],
  ])("refuses %s, saying why", async (_name, authorization, form, expected, why) => {
    const result = await attempt(authorization, form);
    expect(result.outcome).toBe(expected);
    expect(result.description).toMatch(why);
  });

  it("accepts the Basic scheme name in any case", async () => {
    const header = basic("hbci_basic", SECRET.basic).replace("Basic", "bAsIc");
    expect(await outcome(header, {})).toBe("ok:hbci_basic");
  });
});

describe("authenticateCountedClient", () => {
  let ruleCount = 0;
  /** A rule of its own for each test, allowing two requests a minute. */
  const freshRule = (): RateLimit => ({ name: `test-${(ruleCount += 1)}-${Date.now()}`, limit: 2, windowSeconds: 60 });
  const counted = (rule: RateLimit, address: string, form: Record<string, string>) =>
    authenticateCountedClient(rule, tokenRequest(), new Map(Object.entries(form)), address).then(
      (client) => `ok:${client.id}`,
      (error: unknown) => (error instanceof OAuthError ? error.code : Promise.reject(error)),
    );

  it("counts failed authentications against the address, and refuses it past the limit before any work", async () => {
    const rule = freshRule();
    expect(await counted(rule, "10.0.0.1", { client_id: "hbci_nobody" })).toBe("invalid_client");
    expect(await counted(rule, "10.0.0.1", { client_id: "hbci_post", client_secret: "hbcs_wrong" })).toBe("invalid_client");
    expect(await counted(rule, "10.0.0.1", { client_id: "hbci_public" })).toBe("too_many_requests");
    expect(await counted(rule, "10.0.0.2", { client_id: "hbci_public" })).toBe("ok:hbci_public");
  });

  it("counts an authenticated client at its address, leaving the address's own allowance alone", async () => {
    const rule = freshRule();
    expect(await counted(rule, "10.0.1.1", { client_id: "hbci_public" })).toBe("ok:hbci_public");
    expect(await counted(rule, "10.0.1.1", { client_id: "hbci_public" })).toBe("ok:hbci_public");
    expect(await counted(rule, "10.0.1.1", { client_id: "hbci_public" })).toBe("too_many_requests");
    expect(await counted(rule, "10.0.1.2", { client_id: "hbci_public" })).toBe("ok:hbci_public");
    expect(await counted(rule, "10.0.1.1", { client_id: "hbci_post", client_secret: SECRET.post })).toBe("ok:hbci_post");
    expect(await counted(rule, "10.0.1.1", { client_id: "hbci_nobody" })).toBe("invalid_client");
  });
});

describe("rotateClientSecret", () => {
  it("returns a new secret that works while the old one stops working", async () => {
    const before = Date.now();
    const secret = await rotateClientSecret("hbci_rotate");
    expect(secret).toMatch(/^hbcs_/);
    expect(await outcome(undefined, { client_id: "hbci_rotate", client_secret: secret })).toBe("ok:hbci_rotate");
    expect(await outcome(undefined, { client_id: "hbci_rotate", client_secret: "hbcs_before-rotation" })).toBe("invalid_client:401");
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: "hbci_rotate" } });
    expect(row.secretHash).toBe(hashToken(secret));
    expect(row.secretIssuedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it("rotates the secret of a client_secret_basic client too", async () => {
    const secret = await rotateClientSecret("hbci_rotate_basic");
    expect(await outcome(basic("hbci_rotate_basic", secret), {})).toBe("ok:hbci_rotate_basic");
  });

  it.each(["hbci_public", "hbci_nobody"])("refuses %s, which has no secret to rotate", async (id) => {
    await expect(rotateClientSecret(id)).rejects.toMatchObject({ code: "invalid_client", description: "No confidential client with this client_id exists." });
  });
});

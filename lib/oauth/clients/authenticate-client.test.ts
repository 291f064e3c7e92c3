import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { OAuthError } from "../errors";
import { hashToken } from "../secrets";
import { authenticateClient, rotateClientSecret } from "./authenticate-client";

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

async function outcome(authorization: string | undefined, form: Record<string, string>): Promise<string> {
  try {
    const client = await authenticateClient(tokenRequest(authorization), new Map(Object.entries(form)));
    return `ok:${client.id}`;
  } catch (error) {
    if (error instanceof OAuthError) return `${error.code}:${error.status}`;
    throw error;
  }
}

describe("authenticateClient", () => {
  it.each<[string, string | undefined, Record<string, string>, string]>([
    // none
    ["a public client identifying itself", undefined, { client_id: "hbci_public" }, "ok:hbci_public"],
    ["a public client sending Basic with an empty secret", basic("hbci_public", ""), {}, "ok:hbci_public"],
    ["a public client sending a secret in the body", undefined, { client_id: "hbci_public", client_secret: "guess" }, "invalid_client:401"],
    ["a public client sending a secret in Basic", basic("hbci_public", "guess"), {}, "invalid_client:401"],
    // client_secret_basic
    ["a basic client with the right secret", basic("hbci_basic", SECRET.basic), {}, "ok:hbci_basic"],
    ["a basic client also naming itself in the body", basic("hbci_basic", SECRET.basic), { client_id: "hbci_basic" }, "ok:hbci_basic"],
    ["a basic client with a wrong secret", basic("hbci_basic", "hbcs_wrong"), {}, "invalid_client:401"],
    ["a basic client using client_secret_post", undefined, { client_id: "hbci_basic", client_secret: SECRET.basic }, "invalid_client:401"],
    ["a basic client sending no secret", undefined, { client_id: "hbci_basic" }, "invalid_client:401"],
    ["a basic client sending Basic with an empty secret", basic("hbci_basic", ""), {}, "invalid_client:401"],
    ["form-url-encoded Basic credentials", basic("dev app:1", SECRET.awkward), {}, "ok:dev app:1"],
    ["Basic credentials that were not form-url-encoded", `Basic ${Buffer.from(`dev app%3A1:${SECRET.awkward}`).toString("base64")}`, {}, "invalid_request:400"],
    // client_secret_post
    ["a post client with the right secret", undefined, { client_id: "hbci_post", client_secret: SECRET.post }, "ok:hbci_post"],
    ["a post client with a wrong secret", undefined, { client_id: "hbci_post", client_secret: "hbcs_wrong" }, "invalid_client:401"],
    ["a post client using client_secret_basic", basic("hbci_post", SECRET.post), {}, "invalid_client:401"],
    ["a post client sending no secret", undefined, { client_id: "hbci_post" }, "invalid_client:401"],
    ["a secret with no client_id", undefined, { client_secret: SECRET.post }, "invalid_client:401"],
    // unknown or gone
    ["an unknown client", undefined, { client_id: "hbci_nobody" }, "invalid_client:401"],
    ["an unknown client in Basic", basic("hbci_nobody", "x"), {}, "invalid_client:401"],
    ["an expired dynamic registration", undefined, { client_id: "hbci_expired" }, "invalid_client:401"],
    ["no client at all", undefined, {}, "invalid_client:401"],
    // mixed or malformed
    ["Basic and a body secret together", basic("hbci_basic", SECRET.basic), { client_secret: SECRET.basic }, "invalid_request:400"],
    ["Basic and a different client_id in the body", basic("hbci_basic", SECRET.basic), { client_id: "hbci_post" }, "invalid_request:400"],
    ["a client assertion", undefined, { client_id: "hbci_post", client_assertion_type: "urn:ietf:params:oauth:client-assertion-type:jwt-bearer", client_assertion: "x.y.z" }, "invalid_client:401"],
    ["a client assertion and a secret", undefined, { client_id: "hbci_post", client_secret: SECRET.post, client_assertion: "x.y.z" }, "invalid_request:400"],
    ["a Bearer Authorization header", "Bearer abc", { client_id: "hbci_public" }, "invalid_request:400"],
    ["Basic that is not base64", "Basic !!!", {}, "invalid_request:400"],
    ["Basic without a colon", `Basic ${Buffer.from("hbci_basic").toString("base64")}`, {}, "invalid_request:400"],
    ["Basic with an empty client_id", `Basic ${Buffer.from(":secret").toString("base64")}`, {}, "invalid_request:400"],
    ["Basic with broken percent-encoding", `Basic ${Buffer.from("hbci_basic:%zz").toString("base64")}`, {}, "invalid_request:400"],
  ])("%s", async (_name, authorization, form, expected) => {
    expect(await outcome(authorization, form)).toBe(expected);
  });

  it("accepts the Basic scheme name in any case", async () => {
    const header = basic("hbci_basic", SECRET.basic).replace("Basic", "bAsIc");
    expect(await outcome(header, {})).toBe("ok:hbci_basic");
  });
});

describe("rotateClientSecret", () => {
  it("returns a new secret that works while the old one stops working", async () => {
    const secret = await rotateClientSecret("hbci_rotate");
    expect(secret).toMatch(/^hbcs_/);
    expect(await outcome(undefined, { client_id: "hbci_rotate", client_secret: secret })).toBe("ok:hbci_rotate");
    expect(await outcome(undefined, { client_id: "hbci_rotate", client_secret: "hbcs_before-rotation" })).toBe("invalid_client:401");
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: "hbci_rotate" } });
    expect(row.secretHash).toBe(hashToken(secret));
    expect(row.secretIssuedAt).not.toBeNull();
  });

  it.each(["hbci_public", "hbci_nobody"])("refuses %s, which has no secret to rotate", async (id) => {
    await expect(rotateClientSecret(id)).rejects.toMatchObject({ code: "invalid_client" });
  });
});

/**
 * The check every MCP and REST request runs: the Authorization header, the token, the grant
 * behind it, then the live workspace. A small fixture of its own (one user, one workspace),
 * so each case changes exactly the fact it is about.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { CONNECTION_IDLE_SECONDS } from "@/lib/domain/connections/connection-idleness";
import { revokeGrant } from "@/lib/domain/connections/revoke-grant";
import { REFUSAL_MESSAGES } from "@/lib/domain/integrations/integration-access";
import { createTestClient, tokensFor } from "@/lib/testing/oauth-flow";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";
import { bearerToken, presentedToken, resolveConnection } from "./resolve-connection";

let userId: string;
let workspaceId: string;
let membershipId: string;

beforeAll(async () => {
  const user = await createUser(db, { name: "Rosalind Franklin" });
  const workspace = await createWorkspace(db, { name: "Franklin Lab" });
  userId = user.id;
  workspaceId = workspace.id;
  membershipId = (await addMember(db, workspace.id, user.id, "owner")).id;
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** A fresh connection (client, grant, token pair) for the fixture user. */
async function connection(options: { scope?: string; resource?: "mcp" | "api" } = {}) {
  const clientId = await createTestClient({ kind: options.resource === "api" ? "developer_app" : "dynamic" });
  const tokens = await tokensFor({ clientId, userId, workspaceId, scope: options.scope ?? "hourbook:read hourbook:write", resource: options.resource });
  const grant = await db.oAuthGrant.findFirstOrThrow({ where: { clientId } });
  return { clientId, grantId: grant.id, header: `Bearer ${tokens.access_token}`, token: tokens.access_token };
}

describe("bearerToken", () => {
  it.each([
    ["Bearer abc", "abc"],
    ["bearer abc", "abc"],
    ["BEARER abc", "abc"],
    ["  Bearer abc \t", "abc"],
    // RFC 6750 §2.1 b64token: ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/", then "=" padding.
    ["Bearer aZ09-._~+/xy==", "aZ09-._~+/xy=="],
    ["Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl", "eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl"],
  ])("reads %j as %j", (header, token) => {
    expect(bearerToken(header)).toBe(token);
  });

  it.each([
    null,
    "",
    "Bearer",
    "Bearer ",
    "abc",
    "Basic YWxhZGRpbjpvcGVuc2VzYW1l",
    "Bearer  abc",
    "Bearer abc def",
    "Bearer abc,Bearer def",
    "Bearer abc!",
    "Bearer abc=def",
    "Bearer =abc",
    "Bearer ==",
    "Bearer \"abc\"",
    "XBearer abc",
    "Token Bearer abc",
    "Bearer:abc",
  ])("refuses %j", (header) => {
    expect(bearerToken(header)).toBeNull();
  });
});

describe("presentedToken", () => {
  it.each([
    ["Bearer abc", { scheme: "Bearer", token: "abc" }],
    ["DPoP abc", { scheme: "DPoP", token: "abc" }],
    ["dpop abc", { scheme: "DPoP", token: "abc" }],
    ["  DPOP a.b.c ", { scheme: "DPoP", token: "a.b.c" }],
  ])("reads %j with its scheme (RFC 9449 §7.1)", (header, presented) => {
    expect(presentedToken(header)).toEqual(presented);
  });

  it.each([null, "DPoP", "DPoP ", "DPoP  abc", "DPoP abc def", "XDPoP abc", "DPoP:abc"])("refuses %j", (header) => {
    expect(presentedToken(header)).toBeNull();
  });

  it("leaves bearerToken to the Bearer scheme only", () => {
    expect(bearerToken("DPoP abc")).toBeNull();
  });
});

describe("resolveConnection", () => {
  it("answers a request without a token with a bare 401, so the client learns where to authorize", async () => {
    expect(await resolveConnection(null, "mcp")).toEqual({ ok: false, refusal: { status: 401, error: null, description: "An access token is required." } });
  });

  it.each(["Basic YWxhZGRpbjpvcGVuc2VzYW1l", "Bearer", "Bearer a b"])("refuses the malformed header %j with invalid_token, saying what it must look like", async (header) => {
    expect(await resolveConnection(header, "mcp")).toEqual({
      ok: false,
      refusal: { status: 401, error: "invalid_token", description: "The Authorization header must be `Bearer <access token>`." },
    });
  });

  it("refuses a token that is not one of ours", async () => {
    expect(await resolveConnection("Bearer not.a.token", "mcp")).toEqual({
      ok: false,
      refusal: { status: 401, error: "invalid_token", description: "The access token is not valid." },
    });
  });

  it("refuses an expired access token", async () => {
    const { header } = await connection();
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 2 * 3600 * 1000 });
    expect(await resolveConnection(header, "mcp")).toEqual({
      ok: false,
      refusal: { status: 401, error: "invalid_token", description: "The access token has expired." },
    });
  });

  it("refuses a token issued for the other resource", async () => {
    const { header } = await connection({ resource: "api" });
    expect(await resolveConnection(header, "mcp")).toMatchObject({ ok: false, refusal: { status: 401, error: "invalid_token", description: "The access token was issued for another resource." } });
    expect(await resolveConnection(header, "api")).toMatchObject({ ok: true });
  });

  it("refuses a token whose grant was revoked", async () => {
    const { header, grantId } = await connection();
    await revokeGrant(grantId, "user_revoked");
    expect(await resolveConnection(header, "mcp")).toMatchObject({ ok: false, refusal: { status: 401, error: "invalid_token", description: expect.stringMatching(/revoked/) } });
  });

  it("refuses a token whose connection went idle", async () => {
    const { header, grantId } = await connection();
    await db.oAuthGrant.update({ where: { id: grantId }, data: { lastUsedAt: new Date(Date.now() - (CONNECTION_IDLE_SECONDS + 3600) * 1000) } });
    expect(await resolveConnection(header, "mcp")).toMatchObject({ ok: false, refusal: { status: 401, error: "invalid_token", description: expect.stringMatching(/unused/) } });
  });

  it("refuses a token of a user whose account was disabled", async () => {
    const { header } = await connection();
    await db.user.update({ where: { id: userId }, data: { status: "disabled" } });
    try {
      expect(await resolveConnection(header, "mcp")).toMatchObject({ ok: false, refusal: { status: 401, error: "invalid_token", description: expect.stringMatching(/disabled/) } });
    } finally {
      await db.user.update({ where: { id: userId }, data: { status: "active" } });
    }
  });

  it("refuses a token whose application was deleted while the request was on its way", async () => {
    const { header } = await connection();
    // Deleting a client deletes its grants; the one query can still meet the grant without it mid-deletion.
    const query = db.$queryRaw.bind(db);
    const withoutClient = (rows: unknown) => (rows as Record<string, unknown>[]).map((row) => ({ ...row, clientRowId: null, clientKind: null, clientName: null, clientRedirectUris: null }));
    vi.spyOn(db, "$queryRaw").mockImplementationOnce(((...args: Parameters<typeof db.$queryRaw>) => query(...args).then(withoutClient)) as never);
    expect(await resolveConnection(header, "mcp")).toEqual({ ok: false, refusal: { status: 401, error: "invalid_token", description: "The application was deleted." } });
  });

  it("lets a failure that is not about the token through, rather than blaming the token", async () => {
    const { header } = await connection();
    const failure = new Error("unable to open database file");
    vi.spyOn(db, "$queryRaw").mockRejectedValueOnce(failure);
    await expect(resolveConnection(header, "mcp")).rejects.toBe(failure);
  });

  it("refuses with 403 once the user is no longer a member of the workspace", async () => {
    const { header } = await connection();
    const membership = await db.membership.findUniqueOrThrow({ where: { id: membershipId } });
    await db.membership.delete({ where: { id: membershipId } });
    try {
      expect(await resolveConnection(header, "mcp")).toEqual({
        ok: false,
        refusal: { status: 403, error: "access_denied", reason: "membership_inactive", description: REFUSAL_MESSAGES.membership_inactive },
      });
    } finally {
      await db.membership.create({ data: membership });
    }
  });

  it("refuses with 403 and the workspace's reason once the workspace turns integrations off", async () => {
    const { header } = await connection();
    await db.workspace.update({ where: { id: workspaceId }, data: { publicApiAccess: false } });
    try {
      expect(await resolveConnection(header, "mcp")).toEqual({
        ok: false,
        refusal: { status: 403, error: "access_denied", reason: "api_access_off", description: REFUSAL_MESSAGES.api_access_off },
      });
    } finally {
      await db.workspace.update({ where: { id: workspaceId }, data: { publicApiAccess: true } });
    }
  });

  it("resolves a live token to its connection: who, through which app, into which workspace, allowed what", async () => {
    const { header, clientId, grantId } = await connection({ scope: "hourbook:read hourbook:write" });
    expect(await resolveConnection(header, "mcp")).toEqual({
      ok: true,
      connection: {
        grantId,
        clientId,
        clientName: "Test Assistant",
        userId,
        workspaceName: "Franklin Lab",
        actor: { userId, membershipId, workspaceId, role: "owner" },
        scopes: ["hourbook:read", "hourbook:write"],
        writeRefusal: null,
      },
    });
  });

  it("caps the scopes at the workspace's current highest access and says why writes stop", async () => {
    const { header } = await connection({ scope: "hourbook:read hourbook:write" });
    await db.workspace.update({ where: { id: workspaceId }, data: { integrationMaxAccess: "read", billingState: "past_due" } });
    try {
      const result = await resolveConnection(header, "mcp");
      expect(result.ok && result.connection.scopes).toEqual(["hourbook:read"]);
      expect(result.ok && result.connection.writeRefusal).toMatch(/\S/);
    } finally {
      await db.workspace.update({ where: { id: workspaceId }, data: { integrationMaxAccess: "admin", billingState: "active" } });
    }
  });
});

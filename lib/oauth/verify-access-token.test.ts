/**
 * The access token check of both protected resources: a valid JWT is not enough — the grant
 * it names must be alive, its own, and its user active — and each refusal says why.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { CONNECTION_IDLE_SECONDS } from "@/lib/domain/connections/connection-idleness";
import type { ResourceKind } from "@/lib/domain/integrations/scopes";
import { createGrantFixture, type GrantFixture, refusal } from "@/lib/testing/oauth-fixtures";
import { issueAccessToken } from "./access-token";
import { IDLE_ENDED } from "./grants";
import { ACCESS_TOKEN_TTL_SECONDS } from "./lifetimes";
import { verifyAccessToken } from "./verify-access-token";

afterEach(() => {
  vi.useRealTimers();
});

/** A token for the fixture's grant, with any subject field replaced. */
async function tokenFor(fixture: GrantFixture, changes: Partial<{ userId: string; clientId: string; grantId: string; resource: ResourceKind }> = {}) {
  const { token } = await issueAccessToken({
    userId: fixture.userId,
    clientId: fixture.client.id,
    grantId: fixture.grantId,
    workspaceId: fixture.workspaceId,
    resource: "mcp",
    scope: "hourbook:read",
    ...changes,
  });
  return token;
}

const grantRow = (id: string) => db.oAuthGrant.findUniqueOrThrow({ where: { id } });
const REVOKED = "invalid_token: The authorization behind this token was revoked.";

describe("verifyAccessToken", () => {
  it("returns the claims and the grant of a valid token", async () => {
    const fixture = await createGrantFixture({ scope: "hourbook:read hourbook:write" });
    const verified = await verifyAccessToken(await tokenFor(fixture), "mcp");
    expect(verified.claims).toMatchObject({ userId: fixture.userId, clientId: fixture.client.id, grantId: fixture.grantId, workspaceId: fixture.workspaceId, scopes: ["hourbook:read"] });
    expect(verified.grant).toEqual({
      id: fixture.grantId,
      clientId: fixture.client.id,
      workspaceId: fixture.workspaceId,
      userId: fixture.userId,
      scope: "hourbook:read hourbook:write",
      lastUsedAt: null,
    });
  });

  it.each<[string, (fixture: GrantFixture) => Promise<string>, ResourceKind, string]>([
    ["an expired token", async (fixture) => {
      const token = await tokenFor(fixture);
      vi.useFakeTimers({ now: Date.now() + (ACCESS_TOKEN_TTL_SECONDS + 1) * 1000, toFake: ["Date"] });
      return token;
    }, "mcp", "invalid_token: The access token has expired."],
    ["a token for the other resource", (fixture) => tokenFor(fixture, { resource: "api" }), "mcp", "invalid_token: The access token was issued for another resource."],
    ["a token that is not ours", async () => "not-a-jwt", "mcp", "invalid_token: The access token is not valid."],
  ])("refuses %s, saying why", async (_, make, resource, expected) => {
    const fixture = await createGrantFixture();
    expect(await refusal(verifyAccessToken(await make(fixture), resource))).toBe(expected);
  });

  it.each<[string, (fixture: GrantFixture) => Partial<{ userId: string; clientId: string; grantId: string }>]>([
    ["a grant that does not exist", () => ({ grantId: "no-such-grant" })],
    ["the grant of another user", () => ({ userId: "someone-else" })],
    ["the grant of another client", () => ({ clientId: "another-client" })],
  ])("refuses a token naming %s", async (_, changes) => {
    const fixture = await createGrantFixture();
    expect(await refusal(verifyAccessToken(await tokenFor(fixture, changes(fixture)), "mcp"))).toBe(REVOKED);
  });

  it("refuses a token of a revoked grant", async () => {
    const fixture = await createGrantFixture();
    const token = await tokenFor(fixture);
    await db.oAuthGrant.update({ where: { id: fixture.grantId }, data: { revokedAt: new Date(), revokedReason: "user_revoked" } });
    expect(await refusal(verifyAccessToken(token, "mcp"))).toBe(REVOKED);
  });

  it("refuses a token of a disabled user", async () => {
    const fixture = await createGrantFixture();
    const token = await tokenFor(fixture);
    await db.user.update({ where: { id: fixture.userId }, data: { status: "disabled" } });
    expect(await refusal(verifyAccessToken(token, "mcp"))).toBe("invalid_token: The user's account is disabled.");
  });

  it("refuses a token of a connection left unused too long, and ends that connection only", async () => {
    const longAgo = new Date(Date.now() - (CONNECTION_IDLE_SECONDS + 60) * 1000);
    const fixture = await createGrantFixture({ createdAt: longAgo, lastUsedAt: longAgo });
    const otherIdle = await createGrantFixture({ createdAt: longAgo, lastUsedAt: longAgo });
    expect(await refusal(verifyAccessToken(await tokenFor(fixture), "mcp"))).toBe(`invalid_token: ${IDLE_ENDED}`);
    expect(await grantRow(fixture.grantId)).toMatchObject({ revokedReason: "idle" });
    expect((await grantRow(otherIdle.grantId)).revokedAt).toBeNull();
  });
});

describe("when a connection was last used", () => {
  it("is recorded on its first use", async () => {
    const fixture = await createGrantFixture();
    const before = Date.now();
    await verifyAccessToken(await tokenFor(fixture), "mcp");
    expect((await grantRow(fixture.grantId)).lastUsedAt?.getTime()).toBeGreaterThanOrEqual(before);
  });

  it.each<[string, boolean, number]>([
    ["30 seconds", false, 30_000],
    ["exactly a minute", false, 60_000],
    ["just over a minute", true, 60_001],
  ])("after a use %s ago, is rewritten: %s", async (_, rewritten, ago) => {
    const now = Date.now();
    const lastUsedAt = new Date(now - ago);
    const fixture = await createGrantFixture({ lastUsedAt });
    const token = await tokenFor(fixture);
    vi.useFakeTimers({ now, toFake: ["Date"] });
    const verified = await verifyAccessToken(token, "mcp");
    expect(verified.grant.lastUsedAt).toEqual(lastUsedAt);
    expect((await grantRow(fixture.grantId)).lastUsedAt?.getTime()).toBe(rewritten ? now : lastUsedAt.getTime());
  });
});

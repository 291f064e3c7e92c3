import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listUserConnections } from "@/lib/domain/connections/list-user-connections";
import { mcpRequest } from "@/lib/testing/mcp-call";
import { createTestClient, postForm, tokensFor } from "@/lib/testing/oauth-flow";
import { loadDemoData } from "@/lib/testing/demo-data";
import { DEMO_PASSWORD } from "@/prisma/seed/factories";
import { disableUser } from "./disable-user";
import { enableUser } from "./enable-user";
import { getActiveUser } from "./get-active-user";
import { verifyCredentials } from "./verify-credentials";

let adaId: string;
let graceId: string;
let lovelaceId: string;
let enginesId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  adaId = demo.ada.id;
  graceId = demo.grace.id;
  lovelaceId = demo.lovelace.id;
  enginesId = demo.engines.id;
});

async function connect(userId: string, workspaceId: string) {
  const clientId = await createTestClient();
  return { clientId, ...(await tokensFor({ clientId, userId, workspaceId, scope: "hourbook:read" })) };
}

describe("disabling an account", () => {
  it("refuses every token at once, revokes every grant, ends web sign-in, and re-enabling brings none of the grants back", async () => {
    const inLovelace = await connect(graceId, lovelaceId);
    const inEngines = await connect(graceId, enginesId);
    const adas = await connect(adaId, lovelaceId);

    await expect(disableUser({ id: graceId }, "self")).resolves.toMatchObject({ grantsRevoked: 2 });

    for (const c of [inLovelace, inEngines]) {
      const res = await mcpRequest(c.access_token, "tools/list");
      expect(res.status).toBe(401);
      const refreshed = await postForm("token", { grant_type: "refresh_token", refresh_token: c.refresh_token, client_id: c.clientId });
      expect(refreshed.body.error).toBe("invalid_grant");
    }
    expect(await db.oAuthGrant.count({ where: { userId: graceId, revokedAt: null } })).toBe(0);
    expect(await db.oAuthGrant.count({ where: { userId: graceId, revokedReason: "user_disabled" } })).toBe(2);
    expect(await getActiveUser(graceId)).toBeNull();
    expect(await verifyCredentials("grace@example.com", DEMO_PASSWORD)).toEqual({ ok: false, reason: "disabled" });
    expect((await mcpRequest(adas.access_token, "tools/list")).status).toBe(200);

    const revoked = await db.auditEvent.findMany({ where: { type: "grant.revoked", userId: graceId, detail: { equals: { reason: "user_disabled" } } } });
    expect(revoked.map((e) => e.workspaceId).sort()).toEqual([lovelaceId, enginesId].sort());
    expect(await db.auditEvent.findFirst({ where: { type: "user.disabled", userId: graceId } })).toMatchObject({ detail: { by: "self", grantsRevoked: 2 } });

    await expect(enableUser({ email: "GRACE@example.com" })).resolves.toMatchObject({ userId: graceId });
    expect(await verifyCredentials("grace@example.com", DEMO_PASSWORD)).toMatchObject({ ok: true });
    expect((await mcpRequest(inLovelace.access_token, "tools/list")).status).toBe(401);
    expect(await listUserConnections(graceId)).toEqual([]);
    expect(await db.auditEvent.findFirst({ where: { type: "user.enabled", userId: graceId } })).not.toBeNull();
  });

  it("says so when the account is already disabled, not disabled, or unknown", async () => {
    await disableUser({ email: "ada@example.com" }, "operator");
    await expect(disableUser({ email: "ada@example.com" }, "operator")).rejects.toMatchObject({ code: "conflict" });
    await enableUser({ id: adaId });
    await expect(enableUser({ id: adaId })).rejects.toMatchObject({ code: "conflict" });
    await expect(disableUser({ email: "nobody@example.com" }, "operator")).rejects.toMatchObject({ code: "not_found" });
    await expect(enableUser({ email: "nobody@example.com" })).rejects.toMatchObject({ code: "not_found" });
  });
});

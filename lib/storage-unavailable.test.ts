/**
 * When storage refuses writes, reads keep working and every surface refuses writes in its own
 * shape, saying why: REST 503 problem+json `storage_unavailable` with Retry-After; MCP a tool
 * result with isError (HTTP 200), or a 503 JSON-RPC error when the database cannot be read at
 * all; OAuth `temporarily_unavailable` (503, or the redirect / error page at authorize and
 * consent); web forms a message. Nothing is half-done.
 *
 * Storage is made read-only for real: on SQLite with `PRAGMA query_only` on the app's own
 * connection (the connection reopens itself five seconds after a failure at the earliest, well
 * after each case); on PostgreSQL with the database's `default_transaction_read_only`, which
 * the pool's next connections take (SQLSTATE 25006 on every write).
 * The full-disk and read-only-mount versions run against a real server in
 * e2e/storage-failure.spec.ts.
 */
import { beforeAll, describe, expect, inject, it, vi } from "vitest";
import { POST as registerRoute } from "@/app/oauth/register/route";
import * as timeEntriesRoute from "@/app/api/v1/time-entries/route";
import { databaseEngine, db } from "@/lib/db";
import { env } from "@/lib/env";
import { postgresDatabaseName, onPostgresServer } from "@/lib/testing/test-databases";
import { storageUnavailableOf } from "@/lib/db-errors";
import { CONNECTION_IDLE_SECONDS } from "@/lib/domain/connections/connection-idleness";
import { loadConnections } from "@/lib/domain/connections/connection-view";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { withIdempotencyKey } from "@/lib/integrations/idempotency";
import { handleAuthorizeRequest } from "@/lib/oauth/authorize/handle-authorize-request";
import { handleConsentDecision } from "@/lib/oauth/authorize/handle-consent-decision";
import { s256 } from "@/lib/oauth/pkce";
import { verifyAccessToken } from "@/lib/oauth/verify-access-token";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { apiCall } from "@/lib/testing/api-call";
import { callToolOver, listToolNames, mcpRequest } from "@/lib/testing/mcp-call";
import { seedDemoWorld, type DemoWorld } from "@/lib/testing/mcp-fixtures";
import { createTestClient, newVerifier, postForm, REDIRECT_URI, tokensFor } from "@/lib/testing/oauth-flow";
import { runAction } from "@/lib/web/action-state";

const databaseUnreadable = vi.hoisted(() => ({ on: false }));
vi.mock("@/lib/oauth/protected-resource/resolve-connection", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/oauth/protected-resource/resolve-connection")>();
  return {
    ...original,
    resolveConnection: (...args: Parameters<typeof original.resolveConnection>) =>
      databaseUnreadable.on ? Promise.reject(Object.assign(new Error("unable to open database file"), { code: "SQLITE_CANTOPEN" })) : original.resolveConnection(...args),
  };
});

const READ_ONLY = "the database is read-only";

/** Turns this file's PostgreSQL database read-only (or back) for the connections opened after. */
async function setPostgresReadOnly(on: boolean) {
  const database = postgresDatabaseName(env.DATABASE_URL);
  await onPostgresServer(inject("hourbookPostgresAdminUrl"), [`ALTER DATABASE "${database}" SET default_transaction_read_only = ${on ? "on" : "off"}`]);
  await db.$disconnect();
}

/** Runs `work` while the app's database connection refuses every write. */
async function whileReadOnly<T>(work: () => Promise<T>): Promise<T> {
  if (databaseEngine === "postgresql") await setPostgresReadOnly(true);
  else await db.$queryRawUnsafe("PRAGMA query_only = 1");
  try {
    return await work();
  } finally {
    if (databaseEngine === "postgresql") await setPostgresReadOnly(false);
    else await db.$queryRawUnsafe("PRAGMA query_only = 0");
  }
}

let world: DemoWorld;
let projectId: string;
let mcpToken: string;
let apiToken: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  projectId = world.demo.docs.id;
  const client = await createTestClient();
  mcpToken = (await tokensFor({ clientId: client, userId: world.adaId, workspaceId: world.workspaceId, scope: "hourbook:read hourbook:write" })).access_token;
  apiToken = (await tokensFor({ clientId: await createTestClient({ kind: "developer_app" }), userId: world.adaId, workspaceId: world.workspaceId, scope: "hourbook:read hourbook:write", resource: "api" })).access_token;
});

const entryBody = (description: string) => ({ project_id: projectId, started_at: new Date(Date.now() - 3_600_000).toISOString(), duration_seconds: 1800, description });
const entriesCalled = (description: string) => db.timeEntry.count({ where: { description } });

describe("REST API", () => {
  it("reads answer 200 while bookkeeping writes (rate limit, last use, activity) fail", async () => {
    await db.oAuthGrant.updateMany({ data: { lastUsedAt: new Date(Date.now() - 3_600_000) } });
    const res = await whileReadOnly(() => apiCall(timeEntriesRoute.GET, { token: apiToken, path: "/api/v1/time-entries?limit=5" }));
    expect(res.status).toBe(200);
    expect((res.body.data as unknown[]).length).toBe(5);
  });

  it("a write answers 503 storage_unavailable problem+json with Retry-After, and nothing is created", async () => {
    const description = "REST write while read-only";
    const res = await whileReadOnly(() => apiCall(timeEntriesRoute.POST, { method: "POST", token: apiToken, path: "/api/v1/time-entries", body: entryBody(description), headers: { "idempotency-key": "storage-rest-1" } }));
    expect(res.status).toBe(503);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
    expect(res.headers.get("retry-after")).toBe("30");
    expect(res.body).toMatchObject({ type: "https://hourbook.dev/problems/storage-unavailable", status: 503, code: "storage_unavailable", title: "Storage unavailable" });
    expect(res.body.detail).toContain(`because ${READ_ONLY}. Nothing was changed`);
    expect(await entriesCalled(description)).toBe(0);

    // The idempotency key was not claimed either: the retry goes through.
    const retry = await apiCall(timeEntriesRoute.POST, { method: "POST", token: apiToken, path: "/api/v1/time-entries", body: entryBody(description), headers: { "idempotency-key": "storage-rest-1" } });
    expect(retry.status).toBe(201);
    expect(await entriesCalled(description)).toBe(1);
  });

  it("answers 503 when the database cannot be read at all", async () => {
    databaseUnreadable.on = true;
    try {
      const res = await apiCall(timeEntriesRoute.GET, { token: apiToken, path: "/api/v1/time-entries" });
      expect(res.status).toBe(503);
      expect(res.body).toMatchObject({ code: "storage_unavailable" });
      expect(res.body.detail).toContain("cannot use its database right now because the database file cannot be opened");
    } finally {
      databaseUnreadable.on = false;
    }
  });
});

describe("MCP", () => {
  it("tools/list and a reading tool work", async () => {
    await whileReadOnly(async () => {
      expect(await listToolNames(mcpToken)).toContain("create_time_entry");
      const call = await callToolOver(mcpToken, "list_time_entries", { limit: 3 });
      expect(call.status).toBe(200);
      expect(call.tool?.isError).toBeFalsy();
    });
  });

  it("a writing tool answers HTTP 200 with an isError result saying why", async () => {
    const description = "MCP write while read-only";
    const call = await whileReadOnly(() =>
      callToolOver(mcpToken, "create_time_entry", { project_id: projectId, started_at: new Date(Date.now() - 3_600_000).toISOString(), duration_seconds: 1800, description, idempotency_key: "storage-mcp-1" }),
    );
    expect(call.status).toBe(200);
    expect(call.body.error).toBeUndefined();
    expect(call.tool?.isError).toBe(true);
    expect(call.tool?.content[0]?.text).toBe(`create_time_entry was not carried out. Hourbook cannot save changes right now because ${READ_ONLY}. Nothing was changed; reading still works. Try again later.`);
    expect(await entriesCalled(description)).toBe(0);
  });

  it("answers a 503 JSON-RPC error when the database cannot be read at all", async () => {
    databaseUnreadable.on = true;
    try {
      const res = await mcpRequest(mcpToken, "tools/list");
      expect(res.status).toBe(503);
      expect(res.headers.get("retry-after")).toBe("30");
      expect(res.body.error).toMatchObject({ code: -32603 });
      expect(res.body.error?.message).toContain("the database file cannot be opened");
    } finally {
      databaseUnreadable.on = false;
    }
  });
});

describe("OAuth", () => {
  it("a token refresh answers 503 temporarily_unavailable, and the refresh token still works afterwards", async () => {
    const clientId = await createTestClient();
    const { refresh_token } = await tokensFor({ clientId, userId: world.adaId, workspaceId: world.workspaceId });
    const refused = await whileReadOnly(() => postForm("token", { grant_type: "refresh_token", refresh_token, client_id: clientId }));
    expect(refused.status).toBe(503);
    expect(refused.headers.get("retry-after")).toBe("30");
    expect(refused.headers.get("cache-control")).toBe("no-store");
    expect(refused.body).toMatchObject({ error: "temporarily_unavailable" });
    expect(refused.body.error_description).toContain(READ_ONLY);

    const later = await postForm("token", { grant_type: "refresh_token", refresh_token, client_id: clientId });
    expect(later.status).toBe(200);
  });

  it("revocation answers 503 temporarily_unavailable (RFC 7009 §2.2.1: the token was not revoked)", async () => {
    const clientId = await createTestClient();
    const { refresh_token } = await tokensFor({ clientId, userId: world.adaId, workspaceId: world.workspaceId });
    const refused = await whileReadOnly(() => postForm("revoke", { token: refresh_token, client_id: clientId }));
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ error: "temporarily_unavailable" });
    expect((await postForm("token", { grant_type: "refresh_token", refresh_token, client_id: clientId })).status).toBe(200);
  });

  it("registration answers 503 temporarily_unavailable", async () => {
    const request = new Request("http://127.0.0.1/oauth/register", {
      method: "POST",
      headers: { "content-type": "application/json", "x-forwarded-for": "10.77.0.1" },
      body: JSON.stringify({ client_name: "Registered while read-only", redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none" }),
    });
    const response = await whileReadOnly(() => registerRoute(request));
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ error: "temporarily_unavailable" });
    expect(await db.oAuthClient.count({ where: { name: "Registered while read-only" } })).toBe(0);
  });

  function authorizeQuery(clientId: string): URLSearchParams {
    return new URLSearchParams({
      response_type: "code",
      client_id: clientId,
      redirect_uri: REDIRECT_URI,
      code_challenge: s256(newVerifier()),
      code_challenge_method: "S256",
      scope: "hourbook:read",
      resource: protectedResource("mcp").url,
      state: "st-1",
    });
  }

  it("authorize redirects back with temporarily_unavailable, state and iss", async () => {
    const clientId = await createTestClient();
    const outcome = await whileReadOnly(() => handleAuthorizeRequest(authorizeQuery(clientId), world.adaId, "10.77.0.2"));
    expect(outcome.kind).toBe("redirect");
    const url = new URL((outcome as { url: string }).url);
    expect(`${url.origin}${url.pathname}`).toBe(REDIRECT_URI);
    expect(url.searchParams.get("error")).toBe("temporarily_unavailable");
    expect(url.searchParams.get("error_description")).toContain(READ_ONLY);
    expect(url.searchParams.get("state")).toBe("st-1");
    expect(url.searchParams.get("iss")).toBeTruthy();
  });

  it("approving on the consent page redirects back with temporarily_unavailable, and grants nothing", async () => {
    const clientId = await createTestClient();
    const held = await handleAuthorizeRequest(authorizeQuery(clientId), world.adaId, "10.77.0.3");
    if (held.kind !== "consent") throw new Error(`expected consent, got ${held.kind}`);
    const form = new FormData();
    form.set("request", held.requestId);
    form.set("decision", "approve");
    form.set("workspace_id", world.workspaceId);
    form.append("scope", "hourbook:read");
    const outcome = await whileReadOnly(() => handleConsentDecision(form, world.adaId));
    expect(outcome.kind).toBe("redirect");
    const url = new URL((outcome as { url: string }).url);
    expect(url.searchParams.get("error")).toBe("temporarily_unavailable");
    expect(url.searchParams.get("state")).toBe("st-1");
    expect(await db.oAuthGrant.count({ where: { clientId } })).toBe(0);
  });
});

describe("web forms", () => {
  it("a server action's write refused by storage becomes a form message, not an error page", async () => {
    const state = await whileReadOnly(() =>
      runAction(async () => {
        await createTimeEntry(world.ada, { projectId, startedAt: new Date(Date.now() - 3_600_000), durationSeconds: 1800, description: "Web write while read-only" });
        return { message: "Added." };
      }),
    );
    expect(state).toEqual({ status: "error", message: `Hourbook cannot save changes right now because ${READ_ONLY}. Nothing was changed; reading still works. Try again later.`, fieldErrors: {} });
  });
});

describe("bookkeeping never fails a read", () => {
  it("a token is accepted when its last-use time cannot be saved", async () => {
    await db.oAuthGrant.updateMany({ data: { lastUsedAt: new Date(Date.now() - 3_600_000) } });
    const verified = await whileReadOnly(() => verifyAccessToken(mcpToken, "mcp"));
    expect(verified.grant.userId).toBe(world.adaId);
  });

  it("an idle connection is not listed as live when ending it cannot be saved", async () => {
    const clientId = await createTestClient();
    await tokensFor({ clientId, userId: world.adaId, workspaceId: world.workspaceId });
    await db.oAuthGrant.updateMany({ where: { clientId }, data: { lastUsedAt: new Date(Date.now() - (CONNECTION_IDLE_SECONDS + 60) * 1000) } });
    const live = await whileReadOnly(() => loadConnections({ clientId }));
    expect(live).toEqual([]);
    expect(await db.oAuthGrant.count({ where: { clientId, revokedAt: null } })).toBe(1);
  });

  it("a keyed write storage refuses leaves nothing behind, and a retry once storage is back performs it once", async () => {
    const call = { grantId: "grant-x", operation: "test:op", key: "storage-idem-1", arguments: { a: 1 } };
    let runs = 0;
    const refused = await withIdempotencyKey(call, async (tx) => {
      runs += 1;
      // From here on this transaction may not write: storing the answer fails.
      await tx.$executeRawUnsafe(databaseEngine === "postgresql" ? "SET LOCAL transaction_read_only = on" : "PRAGMA query_only = 1");
      return { done: true };
    })
      .catch((error: unknown) => error)
      .finally(() => (databaseEngine === "postgresql" ? undefined : db.$queryRawUnsafe("PRAGMA query_only = 0")));
    // The claim, the work and the stored answer are one transaction: all of it rolled back.
    expect(storageUnavailableOf(refused)).toMatchObject({ problem: "read_only" });
    expect(await db.idempotencyRecord.count({ where: { key: call.key } })).toBe(0);
    const retried = await withIdempotencyKey(call, async () => {
      runs += 1;
      return { done: true };
    });
    expect(retried).toEqual({ replayed: false, result: { done: true } });
    expect(runs).toBe(2);
  });
});

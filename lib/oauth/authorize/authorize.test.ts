import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createTestClient, newVerifier, REDIRECT_URI } from "@/lib/testing/oauth-flow";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { addMember, createUser } from "@/prisma/seed/factories";
import { disableUser } from "@/lib/domain/users/disable-user";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { s256 } from "../pkce";
import { approveAuthorization, denyAuthorization } from "./decide-authorization";
import { handleAuthorizeRequest } from "./handle-authorize-request";
import { handleConsentDecision } from "./handle-consent-decision";
import { loadConsentView } from "./consent-view";

let demo: DemoData;
let adaId: string;
let lovelaceId: string;
let sketchbookId: string;
let clientId: string;

beforeAll(async () => {
  demo = await loadDemoData();
  adaId = demo.ada.id;
  lovelaceId = demo.lovelace.id;
  sketchbookId = demo.sketchbook.id;
  clientId = await createTestClient();
});

function query(overrides: Record<string, string | null> = {}): URLSearchParams {
  const base: Record<string, string> = {
    response_type: "code",
    client_id: clientId,
    redirect_uri: REDIRECT_URI,
    code_challenge: s256(newVerifier()),
    code_challenge_method: "S256",
    scope: "hourbook:read hourbook:write",
    resource: "http://localhost:3000/mcp",
    state: "st4te",
  };
  for (const [k, v] of Object.entries(overrides)) {
    if (v === null) delete base[k];
    else base[k] = v;
  }
  return new URLSearchParams(base);
}

let ip = 0;
const run = (q: URLSearchParams, userId: string | null = adaId) => handleAuthorizeRequest(q, userId, `authz-${ip++}`);

describe("phase one: answered on our own page, never redirected", () => {
  it.each<[string, Record<string, string | null>, string]>([
    ["no client_id", { client_id: null }, "invalid_request"],
    ["an unknown client", { client_id: "unknown-client" }, "invalid_client"],
    ["an unregistered redirect URI", { redirect_uri: "https://evil.example/callback" }, "invalid_redirect_uri"],
    ["a redirect URI with another path", { redirect_uri: "http://127.0.0.1:8765/elsewhere" }, "invalid_redirect_uri"],
    ["a loopback redirect URI with userinfo", { redirect_uri: "http://evil@127.0.0.1:8765/callback" }, "invalid_redirect_uri"],
    ["a loopback redirect URI with the host as a number", { redirect_uri: "http://2130706433:8765/callback" }, "invalid_redirect_uri"],
    ["a loopback redirect URI with a dot segment", { redirect_uri: "http://127.0.0.1:8765/x/../callback" }, "invalid_redirect_uri"],
  ])("%s", async (_, overrides, error) => {
    const outcome = await run(query(overrides));
    expect(outcome).toMatchObject({ kind: "error_page", status: 400, error });
  });

  it.each([
    ["client_id", () => clientId],
    ["client_id", () => "another"],
    ["redirect_uri", () => REDIRECT_URI],
    ["redirect_uri", () => "https://evil.example/callback"],
  ])("refuses a repeated %s on the page, since it cannot be validated", async (name, value) => {
    const q = query();
    q.append(name, value());
    expect(await run(q)).toMatchObject({ kind: "error_page", error: "invalid_request" });
  });

  it("accepts any port on a loopback redirect URI (RFC 8252 §7.3)", async () => {
    expect(await run(query({ redirect_uri: "http://127.0.0.1:40001/callback" }))).toMatchObject({ kind: "consent" });
  });
});

describe("phase two: redirected back with error, state and iss", () => {
  it.each<[string, Record<string, string | null>, string]>([
    ["no response_type", { response_type: null }, "invalid_request"],
    ["response_type token", { response_type: "token" }, "unsupported_response_type"],
    ["no code_challenge", { code_challenge: null }, "invalid_request"],
    ["no code_challenge_method", { code_challenge_method: null }, "invalid_request"],
    ["the plain method", { code_challenge_method: "plain" }, "invalid_request"],
    ["a malformed challenge", { code_challenge: "short" }, "invalid_request"],
    ["an unknown scope", { scope: "hourbook:read everything" }, "invalid_scope"],
    ["a write scope without its read", { scope: "time:write" }, "invalid_scope"],
    ["settings on the MCP server", { scope: "settings:read" }, "invalid_scope"],
    ["a foreign resource", { resource: "https://evil.example/mcp" }, "invalid_target"],
  ])("%s", async (_, overrides, error) => {
    const outcome = await run(query(overrides));
    expect(outcome.kind).toBe("redirect");
    const url = new URL((outcome as { url: string }).url);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    expect(url.searchParams.get("error")).toBe(error);
    expect(url.searchParams.get("error_description")).toBeTruthy();
    expect(url.searchParams.get("state")).toBe("st4te");
    expect(url.searchParams.get("iss")).toBe("http://localhost:3000");
  });

  // RFC 6749 §3.1 and §4.1.2.1: once client and redirect URI are valid, a repeated parameter
  // is an error the client hears about, never our page.
  it.each<[string, string, string]>([
    ["scope", "hourbook:read", "invalid_request"],
    ["scope", "hourbook:read hourbook:write", "invalid_request"],
    ["state", "other", "invalid_request"],
    ["state", "st4te", "invalid_request"],
    ["response_type", "code", "invalid_request"],
    ["code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", "invalid_request"],
    ["code_challenge_method", "S256", "invalid_request"],
    ["resource", "http://localhost:3000/api", "invalid_target"],
    ["resource", "http://localhost:3000/mcp", "invalid_target"],
  ])("redirects a repeated %s (%s) back as %s with the first state, holding nothing", async (name, value, error) => {
    const q = query();
    q.append(name, value);
    const before = await db.oAuthAuthorizationRequest.count();
    const outcome = await run(q);
    expect(outcome.kind).toBe("redirect");
    const url = new URL((outcome as { url: string }).url);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    expect(url.searchParams.get("error")).toBe(error);
    expect(url.searchParams.get("error_description")).toContain(name);
    expect(url.searchParams.getAll("state")).toEqual(["st4te"]);
    expect(url.searchParams.get("iss")).toBe("http://localhost:3000");
    expect(await db.oAuthAuthorizationRequest.count()).toBe(before);
  });

  // Clients with OpenID Connect habits add openid and offline_access: accepted, never granted.
  it.each<[string, string]>([
    ["offline_access hourbook:read hourbook:write", "hourbook:read hourbook:write"],
    ["hourbook:read openid", "hourbook:read"],
    ["openid offline_access time:read", "time:read"],
    ["openid offline_access", "hourbook:read"],
    ["offline_access", "hourbook:read"],
  ])("accepts scope=%j and holds %j", async (scope, held) => {
    const outcome = await run(query({ scope }));
    expect(outcome.kind).toBe("consent");
    const request = await db.oAuthAuthorizationRequest.findUniqueOrThrow({ where: { id: (outcome as { requestId: string }).requestId } });
    expect(request.scope).toBe(held);
  });

  it("names the missing dependency", async () => {
    const outcome = await run(query({ scope: "hourbook:read hourbook:admin" }));
    const url = new URL((outcome as { url: string }).url);
    expect(url.searchParams.get("error_description")).toBe("hourbook:admin requires hourbook:write; add hourbook:write to the request.");
  });

  it("accepts the resource with a trailing slash and defaults to the MCP server without one", async () => {
    expect(await run(query({ resource: "http://localhost:3000/mcp/" }))).toMatchObject({ kind: "consent" });
    const outcome = await run(query({ resource: null }));
    expect(outcome.kind).toBe("consent");
    const held = await db.oAuthAuthorizationRequest.findUniqueOrThrow({ where: { id: (outcome as { requestId: string }).requestId } });
    expect(held.resource).toBe("http://localhost:3000/mcp");
  });
});

describe("sign-in and the held request", () => {
  it("sends a signed-out user to sign in before holding anything", async () => {
    const before = await db.oAuthAuthorizationRequest.count();
    expect(await run(query(), null)).toEqual({ kind: "sign_in" });
    expect(await db.oAuthAuthorizationRequest.count()).toBe(before);
  });

  it("binds the held request to the user: another user cannot see or answer it", async () => {
    const grace = demo.grace;
    const outcome = (await run(query())) as { requestId: string };
    expect(await loadConsentView(outcome.requestId, grace.id)).toBeNull();
    await expect(approveAuthorization({ requestId: outcome.requestId, userId: grace.id, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] })).rejects.toThrow(/expired or was already answered/);
  });
});

describe("consent", () => {
  async function held(scope = "hourbook:read hourbook:write") {
    return ((await run(query({ scope }))) as { requestId: string }).requestId;
  }

  it("shows the client, the resource, the access in plain words and every workspace with eligibility", async () => {
    const view = await loadConsentView(await held(), adaId);
    expect(view).toMatchObject({ clientName: "Test Assistant", clientOrigin: "Registered dynamically — not verified", resourceLabel: "AI assistant (MCP)", redirectsAreLocal: true, redirectHost: "127.0.0.1:8765" });
    expect(view?.scopeGroups.flatMap((g) => g.items.map((i) => i.scope))).toEqual(["hourbook:read", "hourbook:write"]);
    const sketchbook = view?.workspaces.find((w) => w.name === "Sketchbook");
    expect(sketchbook?.reason).toMatch(/plan does not include/);
    expect(view?.workspaces.find((w) => w.name === "Lovelace Studio")?.reason).toBeNull();
  });

  it.each(STAGGERS_MS)("leaves no live grant for an account disabled while its consent is being approved (second call %i ms later)", async (delay) => {
    const user = await createUser(db);
    await addMember(db, lovelaceId, user.id, "member");
    const requestId = ((await run(query({ scope: "hourbook:read" }), user.id)) as { requestId: string }).requestId;
    await startApart(
      () => approveAuthorization({ requestId, userId: user.id, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] }),
      () => disableUser({ id: user.id }, "operator"),
      delay,
    );
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ status: "disabled" });
    expect(await db.oAuthGrant.count({ where: { userId: user.id, revokedAt: null } })).toBe(0);
  });

  it("refuses an ineligible workspace even if the form is forged", async () => {
    const requestId = await held();
    await expect(approveAuthorization({ requestId, userId: adaId, workspaceId: sketchbookId, selectedScopes: ["hourbook:read"] })).rejects.toThrow(/workspace cannot be connected/);
    // The request is still open: the user can pick another workspace.
    await expect(approveAuthorization({ requestId, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] })).resolves.toContain("code=");
  });

  it("keeps unticked scopes out, and dependants with them", async () => {
    const requestId = await held("hourbook:read hourbook:write time:read time:write");
    await approveAuthorization({ requestId, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:write", "time:read", "time:write", "invoices:send"] });
    const grant = await db.oAuthGrant.findFirstOrThrow({ where: { userId: adaId, revokedAt: null }, orderBy: { createdAt: "desc" } });
    expect(grant.scope).toBe("time:read time:write");
  });

  it("caps the grant at the workspace's highest allowed access", async () => {
    await db.workspace.update({ where: { id: lovelaceId }, data: { integrationMaxAccess: "read" } });
    try {
      const requestId = await held();
      await approveAuthorization({ requestId, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read", "hourbook:write"] });
      const grant = await db.oAuthGrant.findFirstOrThrow({ where: { userId: adaId, revokedAt: null }, orderBy: { createdAt: "desc" } });
      expect(grant.scope).toBe("hourbook:read");
    } finally {
      await db.workspace.update({ where: { id: lovelaceId }, data: { integrationMaxAccess: "admin" } });
    }
  });

  it("makes each approval a connection of its own: authorizing the same client again replaces nothing", async () => {
    const before = await db.oAuthGrant.count({ where: { userId: adaId, clientId, workspaceId: lovelaceId, revokedAt: null } });
    const first = await held();
    await approveAuthorization({ requestId: first, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] });
    const second = await held();
    await approveAuthorization({ requestId: second, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] });
    const live = await db.oAuthGrant.count({ where: { userId: adaId, clientId, workspaceId: lovelaceId, revokedAt: null } });
    expect(live).toBe(before + 2);
    expect(await db.auditEvent.count({ where: { type: "grant.replaced", clientId } })).toBe(0);
  });

  it("answers a request only once", async () => {
    const requestId = await held();
    await approveAuthorization({ requestId, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] });
    await expect(approveAuthorization({ requestId, userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] })).rejects.toThrow(/already answered/);
    await expect(denyAuthorization(requestId, adaId)).rejects.toThrow(/already answered/);
  });

  it("denial redirects with access_denied, state and iss", async () => {
    const url = new URL(await denyAuthorization(await held(), adaId));
    expect(Object.fromEntries(url.searchParams)).toMatchObject({ error: "access_denied", state: "st4te", iss: "http://localhost:3000" });
  });

  // The page is sent back a code, never text: it shows only its own message for the code.
  it.each<[string, () => Promise<Record<string, string>>, string]>([
    ["no decision", async () => ({ request: await held() }), "choose_decision"],
    ["no workspace", async () => ({ request: await held(), decision: "approve", scope: "hourbook:read" }), "choose_workspace"],
    ["an ineligible workspace", async () => ({ request: await held(), decision: "approve", workspace_id: sketchbookId, scope: "hourbook:read" }), "workspace_ineligible"],
    ["a workspace of someone else", async () => ({ request: await held(), decision: "approve", workspace_id: "not-mine", scope: "hourbook:read" }), "not_a_member"],
    ["nothing ticked", async () => ({ request: await held(), decision: "approve", workspace_id: lovelaceId }), "no_scopes"],
    ["an unknown request", async () => ({ request: "hbreq_unknown", decision: "approve", workspace_id: lovelaceId, scope: "hourbook:read" }), "stale_request"],
  ])("sends the page back the code for %s", async (_, fields, error) => {
    const form = new FormData();
    for (const [key, value] of Object.entries(await fields())) form.append(key, value);
    expect(await handleConsentDecision(form, adaId)).toMatchObject({ kind: "retry", error });
  });

  it("refuses an approval with nothing ticked", async () => {
    await expect(approveAuthorization({ requestId: await held(), userId: adaId, workspaceId: lovelaceId, selectedScopes: [] })).rejects.toThrow(/at least one permission/);
  });

  it("codes expire within 60 seconds", async () => {
    const url = await approveAuthorization({ requestId: await held(), userId: adaId, workspaceId: lovelaceId, selectedScopes: ["hourbook:read"] });
    expect(url).toContain("code=hbac_");
    const code = await db.oAuthAuthorizationCode.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
    expect(code.expiresAt.getTime() - code.createdAt.getTime()).toBeLessThanOrEqual(60_000);
  });
});

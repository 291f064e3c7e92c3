import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db, type DbTx } from "@/lib/db";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import { approveAuthorization } from "@/lib/oauth/authorize/decide-authorization";
import { handleAuthorizeRequest } from "@/lib/oauth/authorize/handle-authorize-request";
import { createDeveloperApp } from "@/lib/oauth/clients/create-developer-app";
import type { NewDeveloperAppInput } from "@/lib/oauth/clients/developer-app-settings";
import { rotateDeveloperAppSecret } from "@/lib/oauth/clients/rotate-developer-app-secret";
import { updateDeveloperApp } from "@/lib/oauth/clients/update-developer-app";
import { isOAuthError } from "@/lib/oauth/errors";
import { developerAppEndpoints } from "@/lib/oauth/metadata";
import { s256 } from "@/lib/oauth/pkce";
import { hashToken } from "@/lib/oauth/secrets";
import { verifyAccessToken } from "@/lib/oauth/verify-access-token";
import { loadDemoData } from "@/lib/testing/demo-data";
import { authorize, newVerifier, postForm, REDIRECT_URI } from "@/lib/testing/oauth-flow";
import { STAGGERS_MS, startApart } from "@/lib/testing/race";
import { buildQuickstarts } from "./build-quickstart";
import { deleteDeveloperApp } from "./delete-developer-app";
import { getDeveloperApp } from "./get-developer-app";
import { listDeveloperApps } from "./list-developer-apps";

let ada: { id: string };
let grace: { id: string };
let lovelaceId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = demo.ada;
  grace = demo.grace;
  lovelaceId = demo.lovelace.id;
});

const VALID: NewDeveloperAppInput = {
  name: "Invoice Sync",
  clientType: "confidential",
  redirectUris: `${REDIRECT_URI}\nhttps://sync.example.com/oauth/callback`,
  resources: ["api", "mcp"],
  scopes: ["time:read", "time:write", "invoices:read"],
};

afterEach(() => {
  vi.restoreAllMocks();
});

async function refusal(work: () => Promise<unknown>): Promise<DomainError> {
  try {
    await work();
  } catch (error) {
    if (isDomainError(error)) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

function basic(clientId: string, secret: string): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${clientId}:${secret}`).toString("base64")}` };
}

/** Authorizes the app for Ada in Lovelace Studio and redeems the code with the app's secret. */
async function connect(clientId: string, secret: string, resource: "api" | "mcp" = "mcp", scope = "time:read time:write") {
  const { code, verifier } = await authorize({ clientId, userId: ada.id, workspaceId: lovelaceId, resource, scope });
  const res = await postForm("token", { grant_type: "authorization_code", code, code_verifier: verifier, redirect_uri: REDIRECT_URI }, basic(clientId, secret));
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as { access_token: string; refresh_token: string };
}

describe("createDeveloperApp", () => {
  it("creates a confidential app with client_secret_basic by default, keeping only the secret's hash", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, VALID);
    expect(app.id).toMatch(/^hbci_[A-Za-z0-9_-]{22}$/);
    expect(clientSecret).toMatch(/^hbcs_/);
    expect(app).toMatchObject({
      name: "Invoice Sync",
      clientType: "confidential",
      tokenEndpointAuthMethod: "client_secret_basic",
      resources: ["api", "mcp"],
      scopes: ["time:read", "time:write", "invoices:read"],
      redirectUris: [REDIRECT_URI, "https://sync.example.com/oauth/callback"],
      liveConnections: 0,
    });
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: app.id } });
    expect(row).toMatchObject({ kind: "developer_app", ownerUserId: ada.id, allowedScopes: "time:read time:write invoices:read", allowedResources: ["api", "mcp"] });
    expect(row.secretHash).toBe(hashToken(clientSecret ?? ""));
    expect(JSON.stringify(row)).not.toContain(clientSecret);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { type: "app.created", clientId: app.id } });
    expect(audit.userId).toBe(ada.id);
  });

  it("creates a confidential app that authenticates with client_secret_post when asked", async () => {
    const { app } = await createDeveloperApp(ada, { ...VALID, tokenEndpointAuthMethod: "client_secret_post" });
    expect(app.tokenEndpointAuthMethod).toBe("client_secret_post");
  });

  it("creates a public app without a secret", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, { ...VALID, name: "CLI", clientType: "public", resources: ["mcp"] });
    expect(clientSecret).toBeNull();
    expect(app).toMatchObject({ clientType: "public", tokenEndpointAuthMethod: "none", resources: ["mcp"] });
    expect((await db.oAuthClient.findUniqueOrThrow({ where: { id: app.id } })).secretHash).toBeNull();
  });

  it.each<[string, string, string]>([
    ["plain http on a public host", "http://example.com/cb", "Line 1: http://example.com/cb uses http on a non-loopback host"],
    ["a fragment", "https://app.example.com/cb#x", "Line 1: https://app.example.com/cb#x must not contain a fragment."],
    ["a relative URI", "/callback", "Line 1: /callback is not an absolute URI."],
    ["a javascript: URI", "javascript:alert(1)", "Line 1: javascript: redirect URIs are not allowed."],
    ["credentials in the URI", "https://user:pw@app.example.com/cb", "Line 1: https://user:pw@app.example.com/cb must not contain credentials."],
    ["a bad line after a good one", `${REDIRECT_URI}\n\ndata:text/html,hi`, "Line 3: data: redirect URIs are not allowed."],
    ["no redirect URI at all", "  \n ", "Add at least one redirect URI."],
    ["more than ten", Array.from({ length: 11 }, (_, i) => `https://app.example.com/cb${i}`).join("\n"), "An app may have at most 10 redirect URIs."],
  ])("refuses a redirect URI with %s, by line", async (_, redirectUris, message) => {
    const error = await refusal(() => createDeveloperApp(ada, { ...VALID, redirectUris }));
    expect(error.code).toBe("invalid_input");
    expect(error.fieldErrors.redirectUris).toContain(message);
  });

  it("reports every bad redirect URI line at once", async () => {
    const error = await refusal(() => createDeveloperApp(ada, { ...VALID, redirectUris: "http://a.example/cb\nhttps://ok.example/cb\nhttps://b.example/#f" }));
    expect(error.fieldErrors.redirectUris?.split("\n")).toEqual([
      expect.stringMatching(/^Line 1: http:\/\/a\.example\/cb uses http/),
      "Line 3: https://b.example/#f must not contain a fragment.",
    ]);
  });

  it.each<[string, Partial<NewDeveloperAppInput>, string, string]>([
    ["a write scope without its read scope", { scopes: ["time:write"] }, "scopes", "time:write requires time:read; add time:read to the request."],
    ["invoices:send without invoices:read", { scopes: ["time:read", "invoices:send"] }, "scopes", "invoices:send requires invoices:read; add invoices:read to the request."],
    ["hourbook:admin without hourbook:write", { scopes: ["hourbook:read", "hourbook:admin"] }, "scopes", "hourbook:admin requires hourbook:write; add hourbook:write to the request."],
    ["settings scopes without the REST API", { resources: ["mcp"], scopes: ["time:read", "settings:read"] }, "scopes", "settings:read is only available with the REST API: add the REST API as a resource, or remove it."],
    ["settings:write without settings:read", { resources: ["api"], scopes: ["settings:write"] }, "scopes", "settings:write requires settings:read; add settings:read to the request."],
    ["only settings scopes for an MCP app too", { resources: ["api", "mcp"], scopes: ["settings:read"] }, "scopes", "The MCP server would get no scopes (settings scopes are REST API only): choose at least one other scope."],
    ["no scope", { scopes: [] }, "scopes", "Choose at least one scope."],
    ["an unknown scope", { scopes: ["time:read", "everything"] }, "scopes", "Unknown scope: everything."],
    ["no resource", { resources: [] }, "resources", "Choose at least one resource: the REST API, the MCP server, or both."],
    ["neither public nor confidential", { clientType: "secret" }, "clientType", "Choose whether the app is public or confidential."],
    ["an unsupported auth method", { tokenEndpointAuthMethod: "private_key_jwt" }, "tokenEndpointAuthMethod", "A confidential app authenticates with client_secret_basic or client_secret_post."],
    ["an empty name", { name: "  " }, "name", "Name must not be empty."],
  ])("refuses %s", async (_, change, field, message) => {
    const error = await refusal(() => createDeveloperApp(ada, { ...VALID, ...change }));
    expect(error.fieldErrors[field]).toBe(message);
    expect(error.message).toContain(message);
  });

  it("accepts settings scopes when the REST API is a resource", async () => {
    const { app } = await createDeveloperApp(ada, { ...VALID, resources: ["api", "mcp"], scopes: ["time:read", "settings:read", "settings:write"] });
    expect(app.scopes).toEqual(["time:read", "settings:read", "settings:write"]);
  });
});

describe("listing, reading and editing", () => {
  it("lists only the owner's apps with their live connections", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, { ...VALID, name: "Counted" });
    await connect(app.id, clientSecret ?? "");
    const mine = await listDeveloperApps(ada);
    expect(mine.find((a) => a.id === app.id)).toMatchObject({ name: "Counted", liveConnections: 1 });
    expect((await listDeveloperApps(grace)).map((a) => a.id)).not.toContain(app.id);
  });

  it("edits name, redirect URIs and scopes with the same validation", async () => {
    const { app } = await createDeveloperApp(ada, { ...VALID, resources: ["mcp"] });
    const updated = await updateDeveloperApp(ada, app.id, { name: "Renamed", redirectUris: "https://new.example/cb", scopes: ["hourbook:read"] });
    expect(updated).toMatchObject({ name: "Renamed", redirectUris: ["https://new.example/cb"], scopes: ["hourbook:read"], resources: ["mcp"] });
    const error = await refusal(() => updateDeveloperApp(ada, app.id, { name: "Renamed", redirectUris: "https://new.example/cb", scopes: ["settings:read"] }));
    expect(error.fieldErrors.scopes).toMatch(/^settings:read is only available with the REST API/);
  });
});

describe("rotateDeveloperAppSecret", () => {
  it("refuses the old secret at /oauth/token with 401 invalid_client at once, and accepts the new one", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, VALID);
    const oldSecret = clientSecret ?? "";
    const tokens = await connect(app.id, oldSecret);

    const newSecret = await rotateDeveloperAppSecret(ada, app.id);
    expect(newSecret).toMatch(/^hbcs_/);
    expect(newSecret).not.toBe(oldSecret);

    const refused = await postForm("token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic(app.id, oldSecret));
    expect(refused.status).toBe(401);
    expect(refused.body.error).toBe("invalid_client");

    const accepted = await postForm("token", { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic(app.id, newSecret));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    expect(await db.auditEvent.count({ where: { type: "app.secret_rotated", clientId: app.id, userId: ada.id } })).toBe(1);
  });

  it("hands out only working secrets when two rotations come at once", async () => {
    for (const delay of STAGGERS_MS) {
      const { app } = await createDeveloperApp(ada, VALID);
      const outcomes = await startApart(() => rotateDeveloperAppSecret(ada, app.id), () => rotateDeveloperAppSecret(ada, app.id), delay);
      const secrets = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      for (const o of outcomes) if (o.status === "rejected") expect(o.reason, `round ${delay} ms`).toMatchObject({ code: "conflict" });
      const working = await db.oAuthClient.findUniqueOrThrow({ where: { id: app.id } });
      expect(secrets.map(hashToken), `round ${delay} ms`).toContain(working.secretHash);
      expect(await db.auditEvent.count({ where: { type: "app.secret_rotated", clientId: app.id } })).toBe(secrets.length);
    }
  });

  it("refuses a rotation when another one replaced the secret after it was read", async () => {
    const { app } = await createDeveloperApp(ada, VALID);
    const transaction = db.$transaction.bind(db);
    // The other rotation, committed between this one's read and its write (what READ COMMITTED allows).
    vi.spyOn(db, "$transaction").mockImplementationOnce((async (work: (tx: DbTx) => Promise<unknown>) =>
      transaction(async (tx) => {
        const afterRead = new Proxy(tx.oAuthClient, {
          get: (target, name, receiver) =>
            name === "findFirst"
              ? async (args: Parameters<DbTx["oAuthClient"]["findFirst"]>[0]) => {
                  const row = await target.findFirst(args);
                  await tx.oAuthClient.update({ where: { id: app.id }, data: { secretHash: hashToken("hbcs_the_other_rotation") } });
                  return row;
                }
              : Reflect.get(target, name, receiver),
        });
        return work(new Proxy(tx, { get: (target, name, receiver) => (name === "oAuthClient" ? afterRead : Reflect.get(target, name, receiver)) }));
      })) as unknown as typeof db.$transaction);
    const error = await refusal(() => rotateDeveloperAppSecret(ada, app.id));
    expect(error).toMatchObject({ code: "conflict", message: expect.stringContaining("rotated a moment ago") });
    expect((await db.oAuthClient.findUniqueOrThrow({ where: { id: app.id } })).secretHash).not.toBe(hashToken("hbcs_the_other_rotation"));
  });

  it("refuses to rotate a public app's secret", async () => {
    const { app } = await createDeveloperApp(ada, { ...VALID, clientType: "public" });
    const error = await refusal(() => rotateDeveloperAppSecret(ada, app.id));
    expect(error.code).toBe("invalid_input");
  });
});

describe("deleteDeveloperApp", () => {
  it("ends every grant: the access token is refused, the refresh token too, and the app is gone", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, VALID);
    const secret = clientSecret ?? "";
    const mcp = await connect(app.id, secret, "mcp");
    const api = await connect(app.id, secret, "api", "time:read");
    await verifyAccessToken(mcp.access_token, "mcp");
    const grantIds = (await db.oAuthGrant.findMany({ where: { clientId: app.id }, select: { id: true } })).map((g) => g.id);
    expect(grantIds).toHaveLength(2);

    expect(await deleteDeveloperApp(ada, app.id)).toEqual({ name: VALID.name, grantsEnded: 2 });

    for (const [token, resource] of [[mcp.access_token, "mcp"], [api.access_token, "api"]] as const) {
      const outcome = await verifyAccessToken(token, resource).then(
        () => "accepted",
        (error: unknown) => (isOAuthError(error) ? error.code : "thrown"),
      );
      expect(outcome).toBe("invalid_token");
    }
    const refresh = await postForm("token", { grant_type: "refresh_token", refresh_token: mcp.refresh_token }, basic(app.id, secret));
    expect(refresh.status).toBe(401);
    expect(refresh.body.error).toBe("invalid_client");
    expect(await db.oAuthClient.findUnique({ where: { id: app.id } })).toBeNull();
    expect(await db.oAuthRefreshToken.count({ where: { grantId: { in: grantIds } } })).toBe(0);
    const revoked = await db.auditEvent.findMany({ where: { type: "grant.revoked", grantId: { in: grantIds } } });
    expect(revoked.map((e) => (e.detail as { reason: string }).reason)).toEqual(["client_deleted", "client_deleted"]);
    expect(await db.auditEvent.count({ where: { type: "app.deleted", clientId: app.id, userId: ada.id } })).toBe(1);
  });
});

describe("another user", () => {
  it("cannot see, edit, rotate or delete an app: it is not found", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, VALID);
    for (const work of [
      () => getDeveloperApp(grace, app.id),
      () => updateDeveloperApp(grace, app.id, { name: "Mine now", redirectUris: REDIRECT_URI, scopes: ["time:read"] }),
      () => rotateDeveloperAppSecret(grace, app.id),
      () => deleteDeveloperApp(grace, app.id),
    ]) {
      expect((await refusal(work)).code).toBe("not_found");
    }
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: app.id } });
    expect(row.name).toBe(VALID.name);
    expect(row.secretHash).toBe(hashToken(clientSecret ?? ""));
  });

  it("cannot reach a client that is not a developer app through these functions", async () => {
    await db.oAuthClient.create({ data: { id: "dyn-owned", kind: "dynamic", name: "Dynamic", redirectUris: [REDIRECT_URI], ownerUserId: ada.id } });
    expect((await refusal(() => getDeveloperApp(ada, "dyn-owned"))).code).toBe("not_found");
    expect((await refusal(() => deleteDeveloperApp(ada, "dyn-owned"))).code).toBe("not_found");
  });
});

describe("the quickstart", () => {
  it("runs as written: its authorize URL reaches consent and its token request redeems the code", async () => {
    const { app, clientSecret } = await createDeveloperApp(ada, { ...VALID, tokenEndpointAuthMethod: "client_secret_post", scopes: ["time:read", "settings:read"] });
    const [api, mcp] = buildQuickstarts(app, developerAppEndpoints(app.resources));
    expect([api?.scope, mcp?.scope]).toEqual(["time:read settings:read", "time:read"]);
    const curl = mcp?.curl ?? "";
    expect(curl).not.toContain(clientSecret);

    const verifier = newVerifier();
    const echoed = /^echo "(.+)"$/m.exec(curl)?.[1] ?? "";
    const authorizeUrl = new URL(echoed.replace("$STATE", "st4te").replace("$CODE_CHALLENGE", s256(verifier)));
    const outcome = await handleAuthorizeRequest(authorizeUrl.searchParams, ada.id, "quickstart-test");
    expect(outcome.kind).toBe("consent");
    if (outcome.kind !== "consent") return;
    const redirect = new URL(await approveAuthorization({ requestId: outcome.requestId, userId: ada.id, workspaceId: lovelaceId, selectedScopes: ["time:read"] }));

    const res = await postForm("token", {
      client_id: app.id,
      client_secret: clientSecret ?? "",
      grant_type: "authorization_code",
      code: redirect.searchParams.get("code") ?? "",
      code_verifier: verifier,
      redirect_uri: /^REDIRECT_URI='(.+)'$/m.exec(curl)?.[1] ?? "",
      resource: /^RESOURCE='(.+)'$/m.exec(curl)?.[1] ?? "",
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(mcp?.typescript).toContain(`const clientId = ${JSON.stringify(app.id)};`);
  });
});

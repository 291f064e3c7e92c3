/**
 * The MCP SDK's own OAuth client (v1.x `auth()`, OAuthClientProvider,
 * StreamableHTTPClientTransport) against Hourbook as its authorization server, with a real
 * browser for sign-in and consent: discovery (RFC 9728 → RFC 8414), dynamic registration
 * (RFC 7591) or a Client ID Metadata Document, PKCE, the `iss` of RFC 9207 on the redirect,
 * refresh token rotation and revocation, a confidential client with each secret method, and
 * what the browser is shown or sent back when something is refused.
 */
import { auth, UnauthorizedError } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientMetadata } from "@modelcontextprotocol/sdk/shared/auth.js";
import type { Page } from "@playwright/test";
import { answerConsent, authorizeInBrowser, openConsent, waitForRedirect } from "./support/consent";
import { expect, test } from "./support/fixtures";
import { InMemoryOAuthClientProvider, recordingFetch, type RecordedRequest } from "./support/mcp-oauth-provider";
import { startMetadataDocumentServer } from "./support/metadata-document-server";
import {
  authorizeUrl,
  basicAuthorization,
  newPkce,
  newState,
  postForm,
  REDIRECT_URI,
  registerClient,
  verifyAccessToken,
  type TokenResponse,
} from "./support/oauth";

const SDK_CLIENT_NAME = "Hourbook E2E SDK client";

function sdkClientMetadata(name = SDK_CLIENT_NAME): OAuthClientMetadata {
  return {
    client_name: name,
    redirect_uris: [REDIRECT_URI],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
  };
}

/** A provider whose authorization step is the browser approving for Lovelace Studio. */
function browserProvider(page: Page, options: { name?: string; clientMetadataUrl?: string; onConsent?: (consent: Page) => Promise<void> } = {}) {
  const name = options.name ?? SDK_CLIENT_NAME;
  return new InMemoryOAuthClientProvider({
    redirectUrl: REDIRECT_URI,
    clientMetadata: sdkClientMetadata(name),
    ...(options.clientMetadataUrl ? { clientMetadataUrl: options.clientMetadataUrl } : {}),
    onAuthorize: async (url) => {
      await openConsent(page, url, name);
      await options.onConsent?.(page);
      return answerConsent(page, { decision: "approve", workspace: "Lovelace Studio" });
    },
  });
}

const requestsTo = (log: RecordedRequest[], pathname: string) => log.filter((r) => new URL(r.url).pathname === pathname);

/** Connects the SDK Client to /mcp with the provider's current tokens and calls get_profile. */
async function getProfile(serverUrl: string, provider: InMemoryOAuthClientProvider): Promise<string> {
  const client = new Client({ name: "hourbook-e2e", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(serverUrl), { authProvider: provider }));
  try {
    const result = await client.callTool({ name: "get_profile", arguments: {} });
    expect(result.isError ?? false).toBe(false);
    return JSON.stringify(result.content);
  } finally {
    await client.close();
  }
}

/** A raw MCP initialize with a bearer token, to see how /mcp answers a token it must refuse. */
async function initializeMcp(serverUrl: string, accessToken: string): Promise<Response> {
  return fetch(serverUrl, {
    method: "POST",
    headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json", Accept: "application/json, text/event-stream" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: 1,
      method: "initialize",
      params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "hourbook-e2e", version: "1.0.0" } },
    }),
  });
}

/** RFC 6750 §3 / RFC 9728 §5.1: a 401 from /mcp that points at its resource metadata. */
async function expectInvalidToken(response: Response, appUrl: string): Promise<void> {
  expect(response.status).toBe(401);
  const challenge = response.headers.get("www-authenticate") ?? "";
  expect(challenge).toMatch(/^Bearer /);
  expect(challenge).toContain(`resource_metadata="${appUrl}/.well-known/oauth-protected-resource/mcp"`);
  expect(challenge).toContain('error="invalid_token"');
}

test.describe("the MCP SDK client signs in through Hourbook", () => {
  test.describe("from a signed-out browser", () => {
    test.use({ signedIn: false });

    test("auth() discovers from the MCP server URL, registers, authorizes with PKCE and rotates the refresh token", async ({ page, baseURL }) => {
      const appUrl = String(baseURL);
      const serverUrl = `${appUrl}/mcp`;
      const log: RecordedRequest[] = [];
      const fetchFn = recordingFetch(log);
      const provider = browserProvider(page, {
        onConsent: async (consent) => {
          await expect(consent.locator("dt:text-is('From') + dd")).toHaveText("Registered dynamically — not verified");
          await expect(consent.locator("dt:text-is('Sends you back to') + dd")).toHaveText(new URL(REDIRECT_URI).host);
        },
      });

      await test.step("discovery, dynamic registration and the redirect to sign in and consent", async () => {
        expect(await auth(provider, { serverUrl, fetchFn })).toBe("REDIRECT");
        expect(requestsTo(log, "/.well-known/oauth-protected-resource/mcp")).toMatchObject([{ method: "GET", status: 200 }]);
        expect(requestsTo(log, "/.well-known/oauth-authorization-server")).toMatchObject([{ method: "GET", status: 200 }]);
        expect(requestsTo(log, "/oauth/register")).toMatchObject([{ method: "POST", status: 201 }]);
      });

      const clientId = provider.clientInformation()?.client_id ?? "";
      await test.step("the authorization request and the redirect back carry what they must", async () => {
        expect(clientId).toMatch(/^hbci_/);
        const [authorization] = provider.authorizations;
        expect(authorization).toBeDefined();
        const sent = authorization!.url;
        expect(sent.origin + sent.pathname).toBe(`${appUrl}/oauth/authorize`);
        expect(Object.fromEntries(sent.searchParams)).toMatchObject({
          response_type: "code",
          client_id: clientId,
          redirect_uri: REDIRECT_URI,
          code_challenge_method: "S256",
          resource: serverUrl,
        });
        const back = authorization!.callback;
        expect(back.origin + back.pathname).toBe(REDIRECT_URI);
        expect(back.searchParams.get("iss")).toBe(appUrl);
        expect(back.searchParams.get("state")).toBe(provider.sentState);
        expect(back.searchParams.get("code")).toMatch(/^hbac_/);
        expect(back.searchParams.has("error")).toBe(false);
      });

      let first: TokenResponse;
      await test.step("the code is exchanged for an audience-bound access token and a refresh token", async () => {
        expect(await auth(provider, { serverUrl, authorizationCode: provider.latestCode(), fetchFn })).toBe("AUTHORIZED");
        expect(requestsTo(log, "/oauth/token")).toMatchObject([{ method: "POST", status: 200 }]);
        first = provider.tokens() as TokenResponse;
        expect(first.token_type.toLowerCase()).toBe("bearer");
        expect(first.refresh_token).toMatch(/^hbrt_/);
        const { claims } = await verifyAccessToken(appUrl, first.access_token, serverUrl);
        expect(claims).toMatchObject({ client_id: clientId });
        expect(claims.scope?.split(" ")).toContain("hourbook:read");
        expect(claims.sub).toBeTruthy();
        expect(claims.workspace_id).toBeTruthy();
      });

      await test.step("with its access token gone, auth() refreshes without the browser and the refresh token rotates", async () => {
        provider.expireAccessToken();
        log.length = 0;
        expect(await auth(provider, { serverUrl, fetchFn })).toBe("AUTHORIZED");
        expect(provider.authorizations).toHaveLength(1);
        expect(requestsTo(log, "/oauth/token")).toMatchObject([{ method: "POST", status: 200 }]);
        expect(requestsTo(log, "/oauth/register")).toHaveLength(0);
        const second = provider.tokens() as TokenResponse;
        expect(second.refresh_token).toMatch(/^hbrt_/);
        expect(second.refresh_token).not.toBe(first.refresh_token);
        expect(second.access_token).not.toBe(first.access_token);
        await verifyAccessToken(appUrl, second.access_token, serverUrl);
        // The new access token works where it is meant to.
        expect(await getProfile(serverUrl, provider)).toContain("ada@example.com");

        // A client that lost the answer and retries at once gets the same answer, not a revoked grant.
        const retry = await postForm<TokenResponse>(`${appUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: first.refresh_token, client_id: clientId });
        expect(retry.status).toBe(200);
        expect(retry.body.refresh_token).toBe(second.refresh_token);
      });

      await test.step("revoking the refresh token ends the grant, access token included (RFC 7009)", async () => {
        const latest = provider.tokens() as TokenResponse;
        const revoked = await postForm(`${appUrl}/oauth/revoke`, { token: latest.refresh_token, client_id: clientId });
        expect(revoked.status).toBe(200);
        const refused = await postForm(`${appUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: latest.refresh_token, client_id: clientId });
        expect(refused.status).toBe(400);
        expect(refused.body.error).toBe("invalid_grant");
        await expectInvalidToken(await initializeMcp(serverUrl, latest.access_token), appUrl);
      });
    });
  });

  test("connecting to /mcp discovers from its 401, and after consent get_profile answers for Ada", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    const serverUrl = new URL(`${appUrl}/mcp`);
    const log: RecordedRequest[] = [];
    const provider = browserProvider(page);

    const transport = new StreamableHTTPClientTransport(serverUrl, { authProvider: provider, fetch: recordingFetch(log) });
    await expect(new Client({ name: "hourbook-e2e", version: "1.0.0" }).connect(transport)).rejects.toBeInstanceOf(UnauthorizedError);
    // The 401's WWW-Authenticate named the resource metadata; discovery went from there.
    expect(log[0]).toMatchObject({ method: "POST", url: serverUrl.toString(), status: 401 });
    expect(requestsTo(log, "/.well-known/oauth-protected-resource/mcp")).toMatchObject([{ status: 200 }]);
    expect(provider.authorizations).toHaveLength(1);
    expect(provider.authorizations[0]!.callback.searchParams.get("iss")).toBe(appUrl);
    await transport.finishAuth(provider.latestCode());
    await transport.close();

    const client = new Client({ name: "hourbook-e2e", version: "1.0.0" });
    await client.connect(new StreamableHTTPClientTransport(serverUrl, { authProvider: provider }));
    try {
      const { tools } = await client.listTools();
      expect(tools.map((t) => t.name)).toEqual(expect.arrayContaining(["get_profile", "get_workspace"]));
      const profile = await client.callTool({ name: "get_profile", arguments: {} });
      expect(profile.isError ?? false).toBe(false);
      expect(JSON.stringify(profile.content)).toContain("ada@example.com");
      const workspace = await client.callTool({ name: "get_workspace", arguments: {} });
      expect(JSON.stringify(workspace.content)).toContain("Lovelace Studio");
    } finally {
      await client.close();
    }
  });

  test("a Client ID Metadata Document stands in for registration, and consent names its host", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    const serverUrl = `${appUrl}/mcp`;
    const name = "Hourbook E2E Metadata Client";
    const documentServer = await startMetadataDocumentServer({
      client_name: name,
      redirect_uris: [REDIRECT_URI],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
    });
    try {
      const host = new URL(documentServer.clientId).host;
      const log: RecordedRequest[] = [];
      const fetchFn = recordingFetch(log);
      const provider = browserProvider(page, {
        name,
        clientMetadataUrl: documentServer.clientId,
        onConsent: async (consent) => {
          // The document's host is who the user is told the app comes from; it is not "unverified".
          await expect(consent.locator("dt:text-is('From') + dd")).toHaveText(host);
          await expect(consent.getByText(/registered itself/)).toHaveCount(0);
        },
      });

      expect(await auth(provider, { serverUrl, fetchFn })).toBe("REDIRECT");
      expect(requestsTo(log, "/oauth/register")).toHaveLength(0);
      expect(provider.authorizations[0]!.url.searchParams.get("client_id")).toBe(documentServer.clientId);
      expect(documentServer.fetches()).toBeGreaterThan(0);
      expect(provider.authorizations[0]!.callback.searchParams.get("iss")).toBe(appUrl);

      expect(await auth(provider, { serverUrl, authorizationCode: provider.latestCode(), fetchFn })).toBe("AUTHORIZED");
      const tokens = provider.tokens() as TokenResponse;
      const { claims } = await verifyAccessToken(appUrl, tokens.access_token, serverUrl);
      expect(claims.client_id).toBe(documentServer.clientId);

      provider.expireAccessToken();
      expect(await auth(provider, { serverUrl, fetchFn })).toBe("AUTHORIZED");
      expect((provider.tokens() as TokenResponse).refresh_token).not.toBe(tokens.refresh_token);
    } finally {
      await documentServer.close();
    }
  });
});

test.describe("a confidential client", () => {
  for (const method of ["client_secret_basic", "client_secret_post"] as const) {
    test(`authenticates with ${method} and is refused a wrong secret or the other method`, async ({ page, baseURL }) => {
      const appUrl = String(baseURL);
      const name = `Hourbook E2E confidential (${method})`;
      const registered = await registerClient(appUrl, { client_name: name, token_endpoint_auth_method: method });
      expect(registered).toMatchObject({ token_endpoint_auth_method: method, client_secret_expires_at: 0 });
      expect(registered.client_secret).toMatch(/^hbcs_/);
      const clientId = registered.client_id;
      const secret = registered.client_secret ?? "";

      const pkce = newPkce();
      const state = newState();
      const back = await authorizeInBrowser(page, authorizeUrl(appUrl, { clientId, challenge: pkce.challenge, state, resource: `${appUrl}/api`, scope: "hourbook:read time:read" }), name);
      expect(back.searchParams.get("state")).toBe(state);
      expect(back.searchParams.get("iss")).toBe(appUrl);
      const code = back.searchParams.get("code") ?? "";

      const exchange = { grant_type: "authorization_code", code, code_verifier: pkce.verifier, redirect_uri: REDIRECT_URI };
      const withSecret = (use: typeof method, clientSecret: string) =>
        use === "client_secret_basic"
          ? postForm(`${appUrl}/oauth/token`, exchange, { Authorization: basicAuthorization(clientId, clientSecret) })
          : postForm(`${appUrl}/oauth/token`, { ...exchange, client_id: clientId, client_secret: clientSecret });

      const wrongSecret = await withSecret(method, `${secret}x`);
      expect(wrongSecret.status).toBe(401);
      expect(wrongSecret.body.error).toBe("invalid_client");
      if (method === "client_secret_basic") expect(wrongSecret.headers.get("www-authenticate")).toMatch(/^Basic /);

      const otherMethod = await withSecret(method === "client_secret_basic" ? "client_secret_post" : "client_secret_basic", secret);
      expect(otherMethod.status).toBe(401);
      expect(otherMethod.body.error).toBe("invalid_client");

      const noSecret = await postForm(`${appUrl}/oauth/token`, { ...exchange, client_id: clientId });
      expect(noSecret.status).toBe(401);
      expect(noSecret.body.error).toBe("invalid_client");

      // The refusals above did not use up the code.
      const granted = await withSecret(method, secret);
      expect(granted.status, JSON.stringify(granted.body)).toBe(200);
      expect(granted.headers.get("cache-control")).toContain("no-store");
      const tokens = granted.body as unknown as TokenResponse;
      const { claims } = await verifyAccessToken(appUrl, tokens.access_token, `${appUrl}/api`);
      expect(claims.client_id).toBe(clientId);
      expect(claims.scope).toBe("hourbook:read time:read");
      // Issued for the REST API (RFC 8707), so the MCP server refuses it.
      await expectInvalidToken(await initializeMcp(`${appUrl}/mcp`, tokens.access_token), appUrl);

      const refreshed =
        method === "client_secret_basic"
          ? await postForm<TokenResponse>(`${appUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, { Authorization: basicAuthorization(clientId, secret) })
          : await postForm<TokenResponse>(`${appUrl}/oauth/token`, { grant_type: "refresh_token", refresh_token: tokens.refresh_token, client_id: clientId, client_secret: secret });
      expect(refreshed.status).toBe(200);
      expect(refreshed.body.refresh_token).not.toBe(tokens.refresh_token);
    });
  }
});

test.describe("refusals in the browser", () => {
  const name = "Hourbook E2E refusals";
  let clientId: string;

  test.beforeAll(async ({}, testInfo) => {
    clientId = (await registerClient(String(testInfo.project.use.baseURL), { client_name: name })).client_id;
  });

  const pageErrors: Array<{ label: string; clientId?: string; redirectUri?: string; message: RegExp }> = [
    { label: "an unknown client_id", clientId: "hbci_not-a-registered-client", message: /No application is registered/ },
    { label: "a redirect URI the client did not register", redirectUri: "http://127.0.0.1:47291/elsewhere", message: /is not a redirect URI registered/ },
  ];
  for (const row of pageErrors) {
    test(`${row.label} gets Hourbook's error page with 400 and no redirect`, async ({ page, baseURL }) => {
      const appUrl = String(baseURL);
      const url = authorizeUrl(appUrl, {
        clientId: row.clientId ?? clientId,
        challenge: newPkce().challenge,
        state: newState(),
        ...(row.redirectUri ? { redirectUri: row.redirectUri } : {}),
      });
      const response = await page.goto(url);
      expect(response?.status()).toBe(400);
      expect(page.url()).toBe(url);
      await expect(page.getByTestId("authorize-error")).toHaveText(row.message);
    });
  }

  test("an unknown scope is sent back as invalid_scope with state and iss", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    const state = newState();
    await page.goto(authorizeUrl(appUrl, { clientId, challenge: newPkce().challenge, state, scope: "hourbook:read everything" }));
    const back = await waitForRedirect(page);
    expect(back.searchParams.get("error")).toBe("invalid_scope");
    expect(back.searchParams.get("error_description")).toContain("everything");
    expect(back.searchParams.get("state")).toBe(state);
    expect(back.searchParams.get("iss")).toBe(appUrl);
    expect(back.searchParams.has("code")).toBe(false);
  });

  test("Deny is sent back as access_denied with state and iss", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    const state = newState();
    await openConsent(page, authorizeUrl(appUrl, { clientId, challenge: newPkce().challenge, state }), name);
    const back = await answerConsent(page, { decision: "deny" });
    expect(Object.fromEntries(back.searchParams)).toMatchObject({ error: "access_denied", state, iss: appUrl });
    expect(back.searchParams.has("code")).toBe(false);
  });

  test("a workspace on the free plan is shown but cannot be picked, with the reason", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    await openConsent(page, authorizeUrl(appUrl, { clientId, challenge: newPkce().challenge, state: newState() }), name);
    const workspaces = page.getByRole("radiogroup", { name: "Workspace" });
    const sketchbook = workspaces.getByRole("radio", { name: "Sketchbook" });
    await expect(sketchbook).toBeDisabled();
    await expect(sketchbook).toHaveAccessibleDescription(/plan does not include/);
    await expect(workspaces.getByRole("radio", { name: "Lovelace Studio" })).toBeEnabled();
    await expect(workspaces.getByRole("radio", { name: "Analytical Engines" })).toBeEnabled();
  });

  test("the consent page cannot be framed", async ({ page, baseURL }) => {
    const appUrl = String(baseURL);
    await openConsent(page, authorizeUrl(appUrl, { clientId, challenge: newPkce().challenge, state: newState() }), name);
    const response = await page.request.get(page.url(), { maxRedirects: 0 });
    expect(response.status()).toBe(200);
    expect(await response.text()).toContain(name);
    expect(response.headers()["x-frame-options"]).toBe("DENY");
    expect(response.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  });
});

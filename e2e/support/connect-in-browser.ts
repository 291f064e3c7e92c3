/**
 * Connecting an app the way a person does, for the Integrations and access specs: the app
 * registers (RFC 7591), the browser goes through /oauth/authorize with PKCE, signs in when
 * asked, picks a workspace and approves; the code is read from the redirect to the loopback
 * redirect URI (answered by page.route, so no listener is needed) and exchanged for tokens.
 * Plus the two requests the specs make with the token: tools/list and tools/call on /mcp.
 */
import { expect, type Page } from "@playwright/test";
import { authorizeInBrowser } from "./consent";
import { authorizeUrl, newPkce, newState, postForm, REDIRECT_URI, registerClient, type TokenResponse } from "./oauth";

/** Registers a public client with the loopback redirect URI (identical metadata is reused by the server). */
export async function registerApp(appUrl: string, clientName: string): Promise<string> {
  const client = await registerClient(appUrl, {
    client_name: clientName,
    token_endpoint_auth_method: "none",
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
  });
  return client.client_id;
}

/** Authorizes `clientId` in the signed-in page for `workspace` and returns the token response. */
export async function connectInBrowser(
  page: Page,
  options: { appUrl: string; clientId: string; clientName: string; workspace: string; scope?: string },
): Promise<TokenResponse> {
  await page.route(`${new URL(REDIRECT_URI).origin}/**`, (route) => route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Client</title><p>Back in the app.</p>" }));
  const pkce = newPkce();
  const state = newState();
  const url = authorizeUrl(options.appUrl, { clientId: options.clientId, challenge: pkce.challenge, state, scope: options.scope ?? "hourbook:read hourbook:write profile:read" });
  const redirect = await authorizeInBrowser(page, url, options.clientName, options.workspace);
  expect(redirect.searchParams.get("state")).toBe(state);
  const code = redirect.searchParams.get("code");
  expect(code, `no code in ${redirect}`).toBeTruthy();
  const tokens = await postForm<TokenResponse>(`${options.appUrl}/oauth/token`, {
    grant_type: "authorization_code",
    code: code ?? "",
    code_verifier: pkce.verifier,
    redirect_uri: REDIRECT_URI,
    client_id: options.clientId,
  });
  expect(tokens.status, JSON.stringify(tokens.body)).toBe(200);
  return tokens.body;
}

export interface McpAnswer {
  status: number;
  body: { result?: { tools?: Array<{ name: string }>; isError?: boolean; content?: Array<{ text?: string }> }; error?: { message: string } };
}

let nextId = 1;

/** One JSON-RPC request to /mcp with the bearer token, as a Streamable HTTP client sends it. */
export async function mcp(appUrl: string, token: string, method: string, params: Record<string, unknown> = {}): Promise<McpAnswer> {
  const response = await fetch(`${appUrl}/mcp`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      Accept: "application/json, text/event-stream",
      "MCP-Protocol-Version": "2025-11-25",
    },
    body: JSON.stringify({ jsonrpc: "2.0", id: nextId++, method, params }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as McpAnswer["body"]) : {} };
}

export async function toolNames(appUrl: string, token: string): Promise<string[]> {
  const answer = await mcp(appUrl, token, "tools/list");
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return (answer.body.result?.tools ?? []).map((t) => t.name);
}

/**
 * Ready-to-run examples of the authorization code flow with PKCE (OAuth 2.1 §4.1, RFC 7636,
 * RFC 8707 resource indicators, RFC 9207 `iss`) filled in with one app's real values: a bash
 * script with curl and openssl, and a TypeScript program with no dependencies.
 */
import { protectedResource } from "@/lib/domain/integrations/resources";
import { formatScope, scopesForResource, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import type { TokenEndpointAuthMethod } from "@/lib/generated/prisma/enums";
import type { DeveloperAppEndpoints } from "./developer-app-endpoints";

export interface QuickstartApp {
  id: string;
  name: string;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  redirectUris: readonly string[];
  scopes: readonly Scope[];
}

export interface Quickstart {
  resource: ResourceKind;
  label: string;
  /** What the example asks for: the app's scopes that this resource offers. */
  scope: string;
  curl: string;
  typescript: string;
}

/** One example per resource, since a grant (and its tokens) is for exactly one resource. */
export function buildQuickstarts(app: QuickstartApp, endpoints: DeveloperAppEndpoints): Quickstart[] {
  return endpoints.resources.map(({ kind }) => {
    const scope = formatScope(app.scopes.filter((s) => scopesForResource(kind).includes(s)));
    return { resource: kind, label: protectedResource(kind).label, scope, curl: curlScript(app, endpoints, kind, scope), typescript: typescriptProgram(app, endpoints, kind, scope) };
  });
}

/** The call made with the access token: a REST request, or an MCP tools/list over Streamable HTTP. */
function resourceCall(endpoints: DeveloperAppEndpoints, kind: ResourceKind) {
  const url = protectedResource(kind).url;
  return kind === "api"
    ? { what: "Call the REST API", url: `${url}/v1/me` }
    : { what: "Call the MCP server (JSON-RPC tools/list over Streamable HTTP)", url, body: '{"jsonrpc":"2.0","id":1,"method":"tools/list"}' };
}

const shellQuote = (value: string) => `'${value.replaceAll("'", `'\\''`)}'`;

function curlScript(app: QuickstartApp, endpoints: DeveloperAppEndpoints, kind: ResourceKind, scope: string): string {
  const method = app.tokenEndpointAuthMethod;
  const resource = protectedResource(kind).url;
  const redirectUri = app.redirectUris[0] ?? "";
  const fixedQuery = new URLSearchParams({ response_type: "code", client_id: app.id, redirect_uri: redirectUri, scope, resource }).toString();
  const clientAuth =
    method === "client_secret_basic"
      ? ['  -u "$CLIENT_ID:$CLIENT_SECRET" \\']
      : method === "client_secret_post"
        ? ['  --data-urlencode "client_id=$CLIENT_ID" \\', '  --data-urlencode "client_secret=$CLIENT_SECRET" \\']
        : ['  --data-urlencode "client_id=$CLIENT_ID" \\'];
  const call = resourceCall(endpoints, kind);
  const callLines = call.body
    ? [
        `curl -s -X POST ${shellQuote(call.url)} \\`,
        '  -H "Authorization: Bearer $ACCESS_TOKEN" \\',
        "  -H 'Content-Type: application/json' \\",
        "  -H 'Accept: application/json, text/event-stream' \\",
        "  -H 'MCP-Protocol-Version: 2025-11-25' \\",
        `  -d ${shellQuote(call.body)}`,
      ]
    : [`curl -s ${shellQuote(call.url)} -H "Authorization: Bearer $ACCESS_TOKEN"`];

  return [
    "#!/usr/bin/env bash",
    `# ${app.name}: authorization code flow with PKCE for the ${protectedResource(kind).label}`,
    "set -euo pipefail",
    `CLIENT_ID=${shellQuote(app.id)}`,
    ...(method === "none" ? [] : ['CLIENT_SECRET="${CLIENT_SECRET:?set CLIENT_SECRET to the secret shown when you created or rotated it}"']),
    `REDIRECT_URI=${shellQuote(redirectUri)}`,
    `RESOURCE=${shellQuote(resource)}`,
    "",
    "# 1. PKCE: a random code verifier and its S256 challenge; a state value against CSRF",
    "CODE_VERIFIER=$(openssl rand -hex 32)",
    "CODE_CHALLENGE=$(printf '%s' \"$CODE_VERIFIER\" | openssl dgst -sha256 -binary | openssl base64 -A | tr '+/' '-_' | tr -d '=')",
    "STATE=$(openssl rand -hex 16)",
    "",
    "# 2. Open this address in a browser, sign in, choose a workspace and approve",
    `echo "${endpoints.authorization}?${fixedQuery}&state=$STATE&code_challenge=$CODE_CHALLENGE&code_challenge_method=S256"`,
    "",
    `# 3. The browser is sent to the redirect URI with ?code=…&state=…&iss=${endpoints.issuer}`,
    "#    Check that state is the one above and iss is this server, then paste the code",
    "read -r -p 'code: ' CODE",
    `TOKENS=$(curl -s -X POST ${shellQuote(endpoints.token)} \\`,
    ...clientAuth,
    "  -d grant_type=authorization_code \\",
    '  --data-urlencode "code=$CODE" \\',
    '  --data-urlencode "code_verifier=$CODE_VERIFIER" \\',
    '  --data-urlencode "redirect_uri=$REDIRECT_URI" \\',
    '  --data-urlencode "resource=$RESOURCE")',
    'echo "$TOKENS"   # {"access_token":…,"token_type":"Bearer","expires_in":900,"refresh_token":"hbrt_…","scope":…}',
    "ACCESS_TOKEN=$(printf '%s' \"$TOKENS\" | sed -E 's/.*\"access_token\":\"([^\"]+)\".*/\\1/')",
    "",
    `# 4. ${call.what}`,
    ...callLines,
    "",
  ].join("\n");
}

function typescriptProgram(app: QuickstartApp, endpoints: DeveloperAppEndpoints, kind: ResourceKind, scope: string): string {
  const method = app.tokenEndpointAuthMethod;
  const q = (value: string) => JSON.stringify(value);
  const call = resourceCall(endpoints, kind);
  const authHeaders =
    method === "client_secret_basic"
      ? [
          "// client_secret_basic (RFC 6749 §2.3.1): id and secret, each form-url-encoded, in a Basic header",
          "const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString(\"base64\");",
          "const clientAuth = { headers: { Authorization: `Basic ${basic}` }, fields: {} };",
        ]
      : method === "client_secret_post"
        ? ["// client_secret_post: id and secret in the form body", "const clientAuth = { headers: {}, fields: { client_id: clientId, client_secret: clientSecret } };"]
        : ["// A public client: its id in the form body, no secret (PKCE protects the code)", "const clientAuth = { headers: {}, fields: { client_id: clientId } };"];
  const callLines = call.body
    ? [
        `const answer = await fetch(${q(call.url)}, {`,
        '  method: "POST",',
        "  headers: {",
        "    Authorization: `Bearer ${tokens.access_token}`,",
        '    "Content-Type": "application/json",',
        '    Accept: "application/json, text/event-stream",',
        '    "MCP-Protocol-Version": "2025-11-25",',
        "  },",
        `  body: ${q(call.body)},`,
        "});",
      ]
    : [`const answer = await fetch(${q(call.url)}, { headers: { Authorization: \`Bearer \${tokens.access_token}\` } });`];

  return [
    `// ${app.name}: authorization code flow with PKCE for the ${protectedResource(kind).label}.`,
    "// Save as hourbook-quickstart.mts and run with: npx tsx hourbook-quickstart.mts (Node 20+, no dependencies)",
    'import { createHash, randomBytes } from "node:crypto";',
    'import { createInterface } from "node:readline/promises";',
    "",
    `const issuer = ${q(endpoints.issuer)};`,
    `const clientId = ${q(app.id)};`,
    ...(method === "none" ? [] : ['const clientSecret = process.env.CLIENT_SECRET ?? ""; // shown once when you created or rotated it']),
    `const redirectUri = ${q(app.redirectUris[0] ?? "")};`,
    `const resource = ${q(protectedResource(kind).url)};`,
    `const scope = ${q(scope)};`,
    "",
    "// 1. PKCE (RFC 7636): a random verifier and its S256 challenge; a state value against CSRF",
    'const codeVerifier = randomBytes(32).toString("base64url");',
    'const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");',
    'const state = randomBytes(16).toString("base64url");',
    "",
    "// 2. Send the user to the authorization endpoint",
    `const authorizeUrl = new URL(${q(endpoints.authorization)});`,
    "authorizeUrl.search = new URLSearchParams({",
    '  response_type: "code",',
    "  client_id: clientId,",
    "  redirect_uri: redirectUri,",
    "  scope,",
    "  resource,",
    "  state,",
    "  code_challenge: codeChallenge,",
    '  code_challenge_method: "S256",',
    "}).toString();",
    "console.log(`Open this address, sign in, choose a workspace and approve:\\n${authorizeUrl}\\n`);",
    "",
    "// 3. The browser comes back to the redirect URI with ?code=…&state=…&iss=…",
    "const rl = createInterface({ input: process.stdin, output: process.stdout });",
    'const back = new URL(await rl.question("Paste the address you were sent back to: "));',
    "rl.close();",
    'if (back.searchParams.get("state") !== state) throw new Error("state does not match: ignore this response");',
    'if (back.searchParams.get("iss") !== issuer) throw new Error("the response comes from another issuer");',
    'const code = back.searchParams.get("code");',
    'if (!code) throw new Error(`not approved: ${back.searchParams.get("error")} ${back.searchParams.get("error_description") ?? ""}`);',
    "",
    "// 4. Exchange the code for tokens at the token endpoint",
    ...authHeaders,
    `const response = await fetch(${q(endpoints.token)}, {`,
    '  method: "POST",',
    '  headers: { "Content-Type": "application/x-www-form-urlencoded", ...clientAuth.headers },',
    '  body: new URLSearchParams({ grant_type: "authorization_code", code, code_verifier: codeVerifier, redirect_uri: redirectUri, resource, ...clientAuth.fields }),',
    "});",
    "const tokens = (await response.json()) as { access_token: string; refresh_token: string; expires_in: number; scope: string; error?: string; error_description?: string };",
    "if (!response.ok) throw new Error(`${tokens.error}: ${tokens.error_description}`);",
    'console.log("Granted:", tokens.scope, "- the access token lasts", tokens.expires_in, "seconds; refresh it with grant_type=refresh_token");',
    "",
    `// 5. ${call.what}`,
    ...callLines,
    "console.log(answer.status, await answer.text());",
    "",
  ].join("\n");
}

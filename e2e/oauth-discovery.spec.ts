/**
 * Every discovery URL over real HTTP against `next build && next start`: a route handler
 * that passes a unit test can still 404 in the deployed app. RFC 8414 (authorization server
 * metadata), RFC 9728 (protected resource metadata), RFC 7517 (JWKS), CORS for browser-based
 * clients, and the token endpoint's refusals of what is not a token request.
 */
import { expect, test } from "@playwright/test";

test.describe("discovery over HTTP", () => {
  let appUrl: string;
  test.beforeAll(({}, testInfo) => {
    appUrl = String(testInfo.project.use.baseURL);
  });

  test("the authorization server metadata names this issuer and its endpoints (RFC 8414)", async ({ request }) => {
    const response = await request.get("/.well-known/oauth-authorization-server");
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("application/json");
    const metadata = await response.json();
    // The issuer is the configured public URL exactly: no trailing slash, not localhost.
    expect(metadata.issuer).toBe(appUrl);
    expect(metadata).toMatchObject({
      authorization_endpoint: `${appUrl}/oauth/authorize`,
      token_endpoint: `${appUrl}/oauth/token`,
      registration_endpoint: `${appUrl}/oauth/register`,
      revocation_endpoint: `${appUrl}/oauth/revoke`,
      jwks_uri: `${appUrl}/oauth/jwks`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      client_id_metadata_document_supported: true,
      authorization_response_iss_parameter_supported: true,
    });
    expect([...metadata.grant_types_supported].sort()).toEqual(["authorization_code", "refresh_token"]);
    expect([...metadata.token_endpoint_auth_methods_supported].sort()).toEqual(["client_secret_basic", "client_secret_post", "none"]);
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["hourbook:read", "hourbook:write", "hourbook:admin", "settings:read"]));
    for (const key of Object.keys(metadata).filter((k) => k.endsWith("_endpoint") || k === "jwks_uri")) {
      expect(new URL(metadata[key]).origin, key).toBe(appUrl);
      expect(new URL(metadata[key]).pathname, key).toMatch(/^\/oauth\//);
    }
  });

  test("the origin's protected resource metadata is the MCP server's document", async ({ request }) => {
    const root = await request.get("/.well-known/oauth-protected-resource");
    const mcp = await request.get("/.well-known/oauth-protected-resource/mcp");
    expect(root.status()).toBe(200);
    expect(mcp.status()).toBe(200);
    expect(await root.json()).toEqual(await mcp.json());
  });

  for (const kind of ["mcp", "api"] as const) {
    test(`the ${kind} resource metadata names the resource exactly, this server and its scopes (RFC 9728)`, async ({ request }) => {
      const response = await request.get(`/.well-known/oauth-protected-resource/${kind}`);
      expect(response.status()).toBe(200);
      const metadata = await response.json();
      expect(metadata.resource).toBe(`${appUrl}/${kind}`);
      expect(metadata.authorization_servers).toEqual([appUrl]);
      expect(metadata.bearer_methods_supported).toEqual(["header"]);
      expect(metadata.scopes_supported).toEqual(expect.arrayContaining(["hourbook:read", "hourbook:write", "profile:read", "time:write"]));
      const settings = (metadata.scopes_supported as string[]).filter((s) => s.startsWith("settings:"));
      // settings:* exists only on the REST API.
      expect(settings).toEqual(kind === "api" ? ["settings:read", "settings:write"] : []);
    });
  }

  for (const path of [
    "/.well-known/oauth-authorization-server",
    "/.well-known/oauth-protected-resource",
    "/.well-known/oauth-protected-resource/mcp",
    "/.well-known/oauth-protected-resource/api",
  ]) {
    test(`${path}/ with a trailing slash answers the same document`, async ({ request }) => {
      const direct = await (await request.get(path)).json();
      const first = await request.get(`${path}/`, { maxRedirects: 0 });
      if (first.status() !== 200) {
        // A permanent redirect to the canonical path on the same origin is fine.
        expect([301, 308]).toContain(first.status());
        expect(new URL(first.headers()["location"] ?? "", appUrl).toString()).toBe(`${appUrl}${path}`);
      }
      const followed = await request.get(`${path}/`);
      expect(followed.status()).toBe(200);
      expect(await followed.json()).toEqual(direct);
    });
  }

  test("the metadata and JWKS are readable cross-origin, with WWW-Authenticate exposed", async ({ request }) => {
    for (const path of ["/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource/mcp", "/oauth/jwks"]) {
      const response = await request.get(path, { headers: { Origin: "https://assistant.example" } });
      expect(response.headers()["access-control-allow-origin"], path).toBe("*");
      expect(response.headers()["access-control-expose-headers"]?.toLowerCase(), path).toContain("www-authenticate");
    }
  });

  for (const path of ["/oauth/token", "/oauth/register", "/oauth/revoke", "/.well-known/oauth-authorization-server", "/.well-known/oauth-protected-resource/mcp"]) {
    test(`a CORS preflight to ${path} is answered with the allowed method and headers`, async ({ request }) => {
      const response = await request.fetch(path, {
        method: "OPTIONS",
        headers: {
          Origin: "https://assistant.example",
          "Access-Control-Request-Method": path.startsWith("/oauth/") ? "POST" : "GET",
          "Access-Control-Request-Headers": "authorization, content-type, mcp-protocol-version",
        },
      });
      expect([200, 204]).toContain(response.status());
      const headers = response.headers();
      expect(headers["access-control-allow-origin"]).toBe("*");
      expect(headers["access-control-allow-methods"]).toContain(path.startsWith("/oauth/") ? "POST" : "GET");
      const allowed = (headers["access-control-allow-headers"] ?? "").toLowerCase();
      for (const header of ["authorization", "content-type", "mcp-protocol-version"]) expect(allowed).toContain(header);
      expect(headers["access-control-expose-headers"]?.toLowerCase()).toContain("www-authenticate");
    });
  }

  test("the JWKS publishes an ES256 public key and nothing private (RFC 7517)", async ({ request }) => {
    const response = await request.get("/oauth/jwks");
    expect(response.status()).toBe(200);
    const { keys } = (await response.json()) as { keys: Array<Record<string, unknown>> };
    const es256 = keys.filter((k) => k.alg === "ES256");
    expect(es256.length).toBeGreaterThan(0);
    for (const key of es256) {
      expect(key).toMatchObject({ kty: "EC", crv: "P-256", use: "sig" });
      expect(typeof key.kid).toBe("string");
      expect(typeof key.x).toBe("string");
      expect(typeof key.y).toBe("string");
    }
    for (const key of keys) expect(key).not.toHaveProperty("d");
  });

  test("the token endpoint refuses a GET", async ({ request }) => {
    const response = await request.get("/oauth/token?grant_type=authorization_code&code=x");
    expect(response.status()).not.toBe(200);
    expect(response.status()).toBeGreaterThanOrEqual(400);
  });

  test("the token endpoint refuses a JSON body with invalid_request and no-store (RFC 6749 §3.2, §5.1)", async ({ request }) => {
    const response = await request.post("/oauth/token", {
      data: { grant_type: "authorization_code", code: "x", client_id: "y" },
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status()).toBe(400);
    expect(response.headers()["cache-control"]).toContain("no-store");
    expect(response.headers()["content-type"]).toContain("application/json");
    const body = await response.json();
    expect(body.error).toBe("invalid_request");
    expect(typeof body.error_description).toBe("string");
  });
});

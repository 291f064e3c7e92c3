/**
 * Client ID Metadata Documents against a real HTTP server on 127.0.0.1. Fetching from
 * loopback needs the test-only setting, switched on before any module reads the environment;
 * client-metadata-document-ssrf.test.ts covers the same code with the setting off.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.HOURBOOK_ALLOW_LOOPBACK_METADATA = "1";
});

import { db } from "@/lib/db";
import { OAuthError } from "../errors";
import {
  isMetadataDocumentClientId,
  MAX_METADATA_DOCUMENT_BYTES,
  metadataCacheLifetimeSeconds,
  resolveMetadataDocumentClient,
} from "./client-metadata-document";
import { findClient } from "./find-client";

type Route = (url: string) => { status?: number; headers?: Record<string, string>; body?: string; hang?: boolean };

const routes = new Map<string, Route>();
const hits = new Map<string, number>();
let server: http.Server;
let base: string;

/** A document whose client_id is its own URL, plus any overrides. */
const documentFor = (url: string, overrides: Record<string, unknown> = {}) =>
  JSON.stringify({
    client_id: url,
    client_name: "Example MCP Client",
    client_uri: "https://app.example.com",
    logo_uri: "https://app.example.com/logo.png",
    redirect_uris: ["http://127.0.0.1:3000/callback", "http://localhost:3000/callback"],
    grant_types: ["authorization_code", "refresh_token"],
    response_types: ["code"],
    token_endpoint_auth_method: "none",
    ...overrides,
  });

const json = (body: string, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/json", ...headers },
  body,
});

/** Serves `route` at a fresh path and returns its URL (the client_id). */
function serve(name: string, route: Route): string {
  const path = `/${name}-${Math.random().toString(36).slice(2)}.json`;
  routes.set(path, route);
  return `${base}${path}`;
}

beforeAll(async () => {
  server = http.createServer((request, response) => {
    const path = request.url ?? "/";
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes.get(path);
    if (!route) return void response.writeHead(404).end();
    const { status = 200, headers = {}, body = "", hang = false } = route(`${base}${path}`);
    if (hang) return;
    response.writeHead(status, headers).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => hits.clear());

const hitsFor = (url: string) => hits.get(new URL(url).pathname) ?? 0;

async function refusal(url: string, timeoutMs?: number): Promise<OAuthError> {
  const error = await resolveMetadataDocumentClient(url, { timeoutMs }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof OAuthError)) throw new Error(`expected an OAuthError, got ${String(error)}`);
  expect(error.code).toBe("invalid_client");
  expect(error.status).toBe(401);
  return error;
}

describe("isMetadataDocumentClientId (loopback setting on)", () => {
  it.each<[string, boolean]>([
    ["https://app.example.com/oauth/client.json", true],
    ["https://app.example.com:8443/client", true],
    ["https://app.example.com/client.json?v=2", true],
    ["http://127.0.0.1:4000/client.json", true],
    ["http://localhost:4000/client.json", true],
    ["http://[::1]:4000/client.json", true],
    ["http://app.example.com/client.json", false],
    ["https://app.example.com/", false],
    ["https://app.example.com", false],
    ["https://app.example.com/a/../client.json", false],
    ["https://app.example.com/./client.json", false],
    ["https://app.example.com/%2E%2e/client.json", false],
    ["https://user:pw@app.example.com/client.json", false],
    ["https://app.example.com/client.json#frag", false],
    ["https://app.example.com/client json", false],
    [" https://app.example.com/client.json", false],
    ["https://app.example.com\\client.json", false],
    [`https://app.example.com/${"a".repeat(600)}`, false],
    ["hbci_abc123", false],
    ["ftp://app.example.com/client.json", false],
  ])("%s → %s", (id, expected) => {
    expect(isMetadataDocumentClientId(id)).toBe(expected);
  });
});

describe("resolveMetadataDocumentClient", () => {
  it("fetches, stores and then serves a good document from cache", async () => {
    let accept: string | undefined;
    const url = serve("good", (u) => json(documentFor(u), { "cache-control": "public, max-age=600" }));
    server.once("request", (request: http.IncomingMessage) => {
      accept = request.headers.accept;
    });
    const before = Date.now();

    const client = await resolveMetadataDocumentClient(url);
    expect(client).toMatchObject({
      id: url,
      kind: "metadata_document",
      name: "Example MCP Client",
      clientUri: "https://app.example.com",
      logoUri: "https://app.example.com/logo.png",
      redirectUris: ["http://127.0.0.1:3000/callback", "http://localhost:3000/callback"],
      tokenEndpointAuthMethod: "none",
      secretHash: null,
      allowedScopes: null,
    });
    expect(accept).toBe("application/json");

    const again = await resolveMetadataDocumentClient(url);
    expect(again).toEqual(client);
    expect(await findClient(url)).toEqual(client);
    expect(hitsFor(url)).toBe(1);

    const row = await db.oAuthClient.findUniqueOrThrow({ where: { id: url } });
    const lifetime = (row.metadataExpiresAt!.getTime() - before) / 1000;
    expect(lifetime).toBeGreaterThan(595);
    expect(lifetime).toBeLessThan(605);
  });

  it("fetches again once the cached copy expires, and takes the new metadata", async () => {
    let name = "Version 1";
    const url = serve("refresh", (u) => json(documentFor(u, { client_name: name })));
    expect((await resolveMetadataDocumentClient(url))?.name).toBe("Version 1");

    name = "Version 2";
    await db.oAuthClient.update({ where: { id: url }, data: { metadataExpiresAt: new Date(Date.now() - 1000) } });
    expect((await resolveMetadataDocumentClient(url))?.name).toBe("Version 2");
    expect(hitsFor(url)).toBe(2);
  });

  it("refuses an expired client whose document can no longer be fetched, rather than use stale metadata", async () => {
    let up = true;
    const url = serve("gone", (u) => (up ? json(documentFor(u)) : { status: 500 }));
    await resolveMetadataDocumentClient(url);
    up = false;
    await db.oAuthClient.update({ where: { id: url }, data: { metadataExpiresAt: new Date(Date.now() - 1000) } });

    const error = await refusal(url);
    expect(error.description).toContain("HTTP 500");
    await expect(findClient(url)).rejects.toMatchObject({ code: "invalid_client" });
  });

  it("shares one fetch between concurrent requests for the same client", async () => {
    const url = serve("concurrent", (u) => json(documentFor(u)));
    const clients = await Promise.all([1, 2, 3].map(() => resolveMetadataDocumentClient(url)));
    expect(clients.map((c) => c?.id)).toEqual([url, url, url]);
    expect(hitsFor(url)).toBe(1);
  });

  it("names a client without client_name after its host, and treats a missing auth method as none", async () => {
    const url = serve("unnamed", (u) => json(documentFor(u, { client_name: undefined, token_endpoint_auth_method: undefined })));
    const client = await resolveMetadataDocumentClient(url);
    expect(client?.name).toBe(new URL(base).host);
    expect(client?.tokenEndpointAuthMethod).toBe("none");
  });

  it("ignores the document's scope, which may name other servers' scopes", async () => {
    const url = serve("scoped", (u) => json(documentFor(u, { scope: "repo read:user" })));
    expect((await resolveMetadataDocumentClient(url))?.allowedScopes).toBeNull();
  });

  it("returns null for a client_id that is not a metadata document URL", async () => {
    expect(await resolveMetadataDocumentClient("hbci_abc")).toBeNull();
    expect(await resolveMetadataDocumentClient("https://app.example.com/")).toBeNull();
  });

  it.each<[string, Route, string]>([
    ["a client_id that does not match the URL", (u) => json(documentFor(u, { client_id: `${u}?other` })), "does not match the URL"],
    ["a missing client_id", (u) => json(documentFor(u, { client_id: undefined })), "client_id: is required"],
    ["a client_id naming the same server differently", (u) => json(documentFor(u, { client_id: u.replace("127.0.0.1", "localhost") })), "does not match"],
    ["a body that is not JSON", () => ({ headers: { "content-type": "text/html" }, body: "<html>hello</html>" }), "not valid JSON"],
    ["a JSON array", (u) => json(`[${documentFor(u)}]`), "not a JSON object"],
    ["an empty body", () => json(""), "not valid JSON"],
    ["a redirect URI on plain http", (u) => json(documentFor(u, { redirect_uris: ["http://app.example.com/cb"] })), "redirect_uris.0"],
    ["a javascript: redirect URI", (u) => json(documentFor(u, { redirect_uris: ["javascript:alert(1)"] })), "redirect_uris.0"],
    ["no redirect URIs", (u) => json(documentFor(u, { redirect_uris: [] })), "redirect_uris"],
    ["missing redirect URIs", (u) => json(documentFor(u, { redirect_uris: undefined })), "redirect_uris: is required"],
    ["an http logo_uri", (u) => json(documentFor(u, { logo_uri: "http://app.example.com/logo.png" })), "logo_uri"],
    ["client_secret_basic", (u) => json(documentFor(u, { token_endpoint_auth_method: "client_secret_basic" })), "shared-secret method"],
    ["client_secret_post", (u) => json(documentFor(u, { token_endpoint_auth_method: "client_secret_post" })), "shared-secret method"],
    ["private_key_jwt", (u) => json(documentFor(u, { token_endpoint_auth_method: "private_key_jwt", jwks_uri: "https://app.example.com/jwks" })), "only as public clients"],
    ["a client_secret", (u) => json(documentFor(u, { client_secret: "s3cret" })), "must not contain client_secret"],
    ["a private key in jwks", (u) => json(documentFor(u, { jwks: { keys: [{ kty: "EC", crv: "P-256", x: "a", y: "b", d: "c" }] } })), "private key"],
    ["grant types without authorization_code", (u) => json(documentFor(u, { grant_types: ["client_credentials"] })), "authorization_code"],
    ["response types without code", (u) => json(documentFor(u, { response_types: ["token"] })), "code response type"],
    ["HTTP 404", () => ({ status: 404 }), "HTTP 404"],
    ["HTTP 500", () => ({ status: 500, body: "oops" }), "HTTP 500"],
  ])("refuses a document with %s", async (_name, route, reason) => {
    const url = serve("bad", route);
    const error = await refusal(url);
    expect(error.description).toContain(reason);
    // draft §4.2: errors and invalid documents are never cached.
    expect(await db.oAuthClient.findUnique({ where: { id: url } })).toBeNull();
  });

  it.each([301, 302, 303, 307, 308])("refuses a %s redirect without following it", async (status) => {
    const target = serve("target", (u) => json(documentFor(u)));
    const url = serve("redirecting", () => ({ status, headers: { location: target } }));
    const error = await refusal(url);
    expect(error.description).toContain(`redirect (HTTP ${status})`);
    expect(hitsFor(target)).toBe(0);
  });

  it("refuses a body larger than 5 KB as it streams in", async () => {
    // Valid JSON, so only the size can be the reason; no Content-Length (chunked).
    const url = serve("huge", (u) => ({ body: documentFor(u, { padding: "x".repeat(MAX_METADATA_DOCUMENT_BYTES) }) }));
    const error = await refusal(url);
    expect(error.description).toContain(`larger than ${MAX_METADATA_DOCUMENT_BYTES} bytes`);
  });

  it("refuses a declared Content-Length over 5 KB before reading", async () => {
    const url = serve("declared", () => ({ headers: { "content-length": String(MAX_METADATA_DOCUMENT_BYTES + 1) }, body: "x".repeat(MAX_METADATA_DOCUMENT_BYTES + 1) }));
    const error = await refusal(url);
    expect(error.description).toContain("larger than");
  });

  it("accepts a document of exactly 5 KB", async () => {
    const url = serve("exact", (u) => {
      const doc = documentFor(u, { padding: "" });
      return json(documentFor(u, { padding: "x".repeat(MAX_METADATA_DOCUMENT_BYTES - Buffer.byteLength(doc)) }));
    });
    await expect(resolveMetadataDocumentClient(url)).resolves.toMatchObject({ id: url });
  });

  it("gives up on a server that does not answer in time", async () => {
    const url = serve("slow", () => ({ hang: true }));
    const started = Date.now();
    const error = await refusal(url, 200);
    expect(error.description).toContain("did not arrive within 200 ms");
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it("refuses a port nothing listens on", async () => {
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await refusal(`http://127.0.0.1:${port}/client.json`);
    expect(error.description).toContain("ECONNREFUSED");
  });

  it.each(["https://10.0.0.1/client.json", "https://169.254.169.254/latest/meta-data", "https://[fd00::1]/client.json", "https://[::ffff:10.0.0.1]/client.json"])(
    "still refuses private addresses with the loopback setting on: %s",
    async (url) => {
      const error = await refusal(url);
      expect(error.description).toContain("refused address");
    },
  );
});

describe("metadataCacheLifetimeSeconds", () => {
  const now = Date.parse("2026-01-01T12:00:00Z");
  it.each<[string, Record<string, string>, number]>([
    ["no caching headers: one hour", {}, 3600],
    ["max-age", { "cache-control": "public, max-age=600" }, 600],
    ["max-age less Age", { "cache-control": "max-age=600", age: "100" }, 500],
    ["a tiny max-age, raised to 60 s", { "cache-control": "max-age=5" }, 60],
    ["a huge max-age, capped at 24 h", { "cache-control": "max-age=31536000" }, 86400],
    ["no-store, raised to 60 s", { "cache-control": "no-store" }, 60],
    ["no-cache, raised to 60 s", { "cache-control": "no-cache, max-age=600" }, 60],
    ["max-age before Expires", { "cache-control": "max-age=120", expires: "Thu, 01 Jan 2026 14:00:00 GMT" }, 120],
    ["Expires against Date", { date: "Thu, 01 Jan 2026 11:00:00 GMT", expires: "Thu, 01 Jan 2026 13:00:00 GMT" }, 7200],
    ["Expires against now", { expires: "Thu, 01 Jan 2026 12:30:00 GMT" }, 1800],
    ["an invalid Expires, which means stale", { expires: "0" }, 60],
    ["a malformed max-age, falling back to Expires", { "cache-control": "max-age=abc", expires: "Thu, 01 Jan 2026 12:10:00 GMT" }, 600],
  ])("%s", (_name, headers, expected) => {
    expect(metadataCacheLifetimeSeconds(headers, now)).toBe(expected);
  });
});

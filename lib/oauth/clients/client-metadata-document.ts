/**
 * Client ID Metadata Documents (draft-ietf-oauth-client-id-metadata-document; MCP
 * authorization 2025-11-25 §Client ID Metadata Documents): a client whose client_id is an
 * https URL describes itself in a JSON document served at that URL. We fetch it — carefully,
 * since the URL comes from a stranger — validate it, and keep it as an OAuthClient row of kind
 * `metadata_document` until its cache lifetime ends.
 *
 * Every refusal is `invalid_client`: the authorize endpoint shows those on its own page and
 * never redirects, because an unverifiable client has no trustworthy redirect URI.
 */
import "server-only";
import http from "node:http";
import https from "node:https";
import net from "node:net";
import { z } from "zod";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { invalidClient, type OAuthError } from "../errors";
import { isLoopbackHost } from "../redirect-uri";
import {
  ClientNameSchema,
  HttpsUrlSchema,
  isJsonObject,
  metadataError,
  RedirectUrisSchema,
  SoftwareLabelSchema,
  withoutEmptyFields,
} from "./client-metadata";
import { addressProblem, ForbiddenAddressError, guardedLookup, type AddressPolicy } from "./public-address";
import { toRegisteredClient, type RegisteredClient } from "./registered-client";

export const METADATA_FETCH_TIMEOUT_MS = 5_000;
/** draft §6.6 recommends reading at most 5 KB. */
export const MAX_METADATA_DOCUMENT_BYTES = 5 * 1024;
/** draft §4.2 lets the server bound the HTTP cache lifetime (RFC 9111) both ways. */
export const METADATA_CACHE_SECONDS = { min: 60, max: 24 * 60 * 60, fallback: 60 * 60 } as const;
const MAX_CLIENT_ID_LENGTH = 512;

function addressPolicy(): AddressPolicy {
  return { allowLoopback: env.HOURBOOK_ALLOW_LOOPBACK_METADATA === "1" };
}

/**
 * Why a client_id is not a Client Identifier URL (draft §3), or null when it is: https,
 * no userinfo, a path other than "/", no "." or ".." segments, no fragment. A query is
 * allowed (SHOULD NOT, not MUST NOT). We also insist on printable ASCII, so the id we
 * compare, store and show is exactly the string we fetch. With the loopback test setting,
 * http on a loopback host is accepted too.
 */
export function clientIdUrlProblem(clientId: string): string | null {
  if (clientId.length > MAX_CLIENT_ID_LENGTH) return `must be at most ${MAX_CLIENT_ID_LENGTH} characters`;
  if (!/^[\x21-\x7e]+$/.test(clientId) || clientId.includes("\\")) return "must be printable ASCII without spaces or backslashes";
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return "is not a URL";
  }
  const loopbackHttp = url.protocol === "http:" && addressPolicy().allowLoopback && isLoopbackHost(url.hostname);
  if (url.protocol !== "https:" && !loopbackHttp) return "must use https";
  if (url.username || url.password) return "must not contain credentials";
  if (clientId.includes("#")) return "must not contain a fragment";
  // The WHATWG parser resolves dot segments away, so look at the path as written.
  const rawPath = clientId.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, "").split("?")[0] ?? "";
  if (rawPath === "" || rawPath === "/") return "must have a path, e.g. https://example.com/client.json";
  const dotSegment = rawPath.split("/").some((segment) => [".", ".."].includes(segment.toLowerCase().replaceAll("%2e", ".")));
  if (dotSegment) return "must not contain . or .. path segments";
  return null;
}

/** Is this client_id a Client Identifier URL whose metadata document we fetch? */
export function isMetadataDocumentClientId(clientId: string): boolean {
  return clientIdUrlProblem(clientId) === null;
}

export interface ResolveMetadataDocumentOptions {
  /** Overall deadline for connect, headers and body; tests shorten it. */
  timeoutMs?: number;
}

const inFlight = new Map<string, Promise<RegisteredClient>>();

/**
 * The client a Client Identifier URL stands for: the cached row while its metadata is fresh,
 * otherwise the document fetched again (draft §4), validated and stored. null when the id is
 * not a Client Identifier URL at all. A failed refresh throws even when an expired copy
 * exists: stale metadata is never used to authorize (draft §4.1 "SHOULD abort").
 */
export async function resolveMetadataDocumentClient(
  clientId: string,
  options: ResolveMetadataDocumentOptions = {},
): Promise<RegisteredClient | null> {
  if (!isMetadataDocumentClientId(clientId)) return null;
  const cached = await db.oAuthClient.findUnique({ where: { id: clientId } });
  if (cached && cached.kind !== "metadata_document") {
    throw invalidClient("This client_id is registered differently and cannot be used as a metadata document URL.");
  }
  if (cached?.metadataExpiresAt && cached.metadataExpiresAt > new Date()) return toRegisteredClient(cached);

  // Concurrent authorize requests for the same client share one fetch.
  let pending = inFlight.get(clientId);
  if (!pending) {
    pending = refreshMetadataDocumentClient(clientId, options.timeoutMs ?? METADATA_FETCH_TIMEOUT_MS).finally(() => {
      inFlight.delete(clientId);
    });
    inFlight.set(clientId, pending);
  }
  return pending;
}

async function refreshMetadataDocumentClient(clientId: string, timeoutMs: number): Promise<RegisteredClient> {
  const fetchedAt = Date.now();
  const { body, headers } = await fetchMetadataDocument(new URL(clientId), timeoutMs, addressPolicy());
  const document = parseMetadataDocument(clientId, body);
  const lifetimeSeconds = metadataCacheLifetimeSeconds(headers, fetchedAt);
  const data = {
    kind: "metadata_document" as const,
    name: document.client_name ?? new URL(clientId).host,
    clientUri: document.client_uri ?? null,
    logoUri: document.logo_uri ?? null,
    redirectUris: document.redirect_uris,
    // draft §4.1: no shared secret can exist, so the client is public.
    tokenEndpointAuthMethod: "none" as const,
    secretHash: null,
    softwareId: document.software_id ?? null,
    softwareVersion: document.software_version ?? null,
    metadataExpiresAt: new Date(fetchedAt + lifetimeSeconds * 1000),
  };
  const row = await db.oAuthClient.upsert({ where: { id: clientId }, create: { id: clientId, ...data }, update: data });
  return toRegisteredClient(row);
}

function refused(reason: string): OAuthError {
  return invalidClient(`The client metadata document ${reason}.`);
}

// ---------------------------------------------------------------------------------------------
// Fetching

export interface FetchedMetadataDocument {
  body: string;
  headers: http.IncomingHttpHeaders;
}

/**
 * GET the document with the protections draft §6 asks for: no redirects (§4), only public
 * addresses, checked at connect time (§6.5), at most 5 KB read (§6.6), and a deadline.
 */
export function fetchMetadataDocument(url: URL, timeoutMs: number, policy: AddressPolicy): Promise<FetchedMetadataDocument> {
  // Node connects to IP-literal hosts without calling `lookup`, so check those here.
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (net.isIP(literal)) {
    const problem = addressProblem(literal, policy);
    if (problem) return Promise.reject(refused(`URL points at a refused address (${problem})`));
  }

  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: OAuthError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      request.destroy();
      reject(error);
    };
    const succeed = (document: FetchedMetadataDocument) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(document);
    };

    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request(
      url,
      {
        method: "GET",
        headers: { Accept: "application/json", "User-Agent": `Hourbook (+${env.APP_URL})` },
        // A fresh connection every time, so every fetch goes through the guarded lookup.
        agent: false,
        lookup: guardedLookup(policy),
      },
      (response) => {
        const status = response.statusCode ?? 0;
        if (status >= 300 && status < 400) return fail(refused(`answered with a redirect (HTTP ${status}); redirects are not followed`));
        if (status !== 200) return fail(refused(`could not be fetched (HTTP ${status})`));
        const declared = Number(response.headers["content-length"]);
        if (declared > MAX_METADATA_DOCUMENT_BYTES) return fail(refused(`is larger than ${MAX_METADATA_DOCUMENT_BYTES} bytes`));
        const chunks: Buffer[] = [];
        let size = 0;
        response.on("data", (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_METADATA_DOCUMENT_BYTES) fail(refused(`is larger than ${MAX_METADATA_DOCUMENT_BYTES} bytes`));
          else chunks.push(chunk);
        });
        response.on("end", () => succeed({ body: Buffer.concat(chunks).toString("utf8"), headers: response.headers }));
        response.on("error", () => fail(refused("could not be read completely")));
      },
    );
    const timer = setTimeout(() => fail(refused(`did not arrive within ${timeoutMs} ms`)), timeoutMs);
    request.on("error", (error: NodeJS.ErrnoException) => {
      if (error instanceof ForbiddenAddressError) fail(refused(`URL's host resolves to a refused address (${error.problem})`));
      else if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") fail(refused("URL's host could not be resolved"));
      else fail(refused(`could not be fetched (${error.code ?? error.message})`));
    });
    request.end();
  });
}

/**
 * How long a fetched document may be used (draft §4.2, RFC 9111 §4.2.1): `max-age` (less
 * `Age`) before `Expires`; `no-store`/`no-cache` and invalid dates count as already stale;
 * absent headers give one hour. The result is bounded to [60 s, 24 h]: short enough that a
 * changed document takes effect the same day, long enough that one user cannot make us
 * fetch on every request.
 */
export function metadataCacheLifetimeSeconds(headers: http.IncomingHttpHeaders, now = Date.now()): number {
  const directives = new Map(
    (headers["cache-control"] ?? "")
      .split(",")
      .map((part) => part.trim().toLowerCase())
      .filter(Boolean)
      .map((part) => {
        const [name = "", value = ""] = part.split("=", 2);
        return [name.trim(), value.trim().replace(/^"|"$/g, "")] as const;
      }),
  );
  let seconds: number = METADATA_CACHE_SECONDS.fallback;
  const maxAge = directives.get("max-age");
  if (directives.has("no-store") || directives.has("no-cache")) {
    seconds = 0;
  } else if (maxAge !== undefined && /^\d+$/.test(maxAge)) {
    const age = Number(headers.age);
    seconds = Number(maxAge) - (Number.isFinite(age) && age > 0 ? age : 0);
  } else if (headers.expires !== undefined) {
    const expires = Date.parse(headers.expires);
    const served = headers.date ? Date.parse(headers.date) : Number.NaN;
    seconds = Number.isNaN(expires) ? 0 : (expires - (Number.isNaN(served) ? now : served)) / 1000;
  }
  return Math.round(Math.min(METADATA_CACHE_SECONDS.max, Math.max(METADATA_CACHE_SECONDS.min, seconds)));
}

// ---------------------------------------------------------------------------------------------
// Validating

const MetadataDocumentSchema = z.object({
  client_id: z.string({ error: (issue) => (issue.input === undefined ? "is required" : "must be a string") }),
  redirect_uris: RedirectUrisSchema,
  client_name: ClientNameSchema.optional(),
  client_uri: HttpsUrlSchema.optional(),
  logo_uri: HttpsUrlSchema.optional(),
  token_endpoint_auth_method: z.string().optional(),
  grant_types: z.array(z.string()).optional(),
  response_types: z.array(z.string()).optional(),
  software_id: SoftwareLabelSchema.optional(),
  software_version: SoftwareLabelSchema.optional(),
  // scope is not read: a document is written for every server, so its scope values need
  // not be ours; the scope comes from each authorization request instead.
});

export type MetadataDocument = z.infer<typeof MetadataDocumentSchema>;

const SHARED_SECRET_METHODS = new Set(["client_secret_basic", "client_secret_post", "client_secret_jwt"]);

/** Parses and checks a fetched document against its Client Identifier URL (draft §4, §4.1). */
export function parseMetadataDocument(clientId: string, body: string): MetadataDocument {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    throw refused("is not valid JSON");
  }
  if (!isJsonObject(json)) throw refused("is not a JSON object");

  const parsed = MetadataDocumentSchema.safeParse(withoutEmptyFields(json));
  if (!parsed.success) {
    const problem = metadataError(parsed.error, { redirectCode: "invalid_client", otherCode: "invalid_client" });
    throw refused(`is invalid: ${problem.description.replace(/\.$/, "")}`);
  }
  const document = parsed.data;

  // draft §4: simple string comparison, so https://example.com:443/c is not https://example.com/c.
  if (document.client_id !== clientId) throw refused("has a client_id that does not match the URL it was fetched from");

  // draft §4.1: no shared secrets and no private keys in a public document.
  if ("client_secret" in json || "client_secret_expires_at" in json) throw refused("must not contain client_secret");
  if (containsPrivateKey(json.jwks)) throw refused("must not contain private key material in jwks");
  const method = document.token_endpoint_auth_method ?? "none";
  if (SHARED_SECRET_METHODS.has(method)) {
    throw refused(`declares token_endpoint_auth_method ${method}, a shared-secret method a metadata document cannot use`);
  }
  if (method !== "none") {
    throw refused(`declares token_endpoint_auth_method ${method}; Hourbook accepts metadata-document clients only as public clients (none)`);
  }

  if (document.grant_types && !document.grant_types.includes("authorization_code")) {
    throw refused("does not list the authorization_code grant type");
  }
  if (document.response_types && !document.response_types.includes("code")) {
    throw refused("does not list the code response type");
  }
  return document;
}

function containsPrivateKey(jwks: unknown): boolean {
  if (!isJsonObject(jwks) || !Array.isArray(jwks.keys)) return false;
  // "d" is the private part of RSA, EC and OKP keys; "k" is a symmetric key.
  return jwks.keys.some((key) => isJsonObject(key) && ("d" in key || "k" in key));
}

/**
 * Client authentication at the token and revocation endpoints (RFC 6749 §2.3, §3.2.1;
 * RFC 7009 §2.1; OAuth 2.1 §2.4). Three methods, as registered in
 * `token_endpoint_auth_method` (RFC 7591 §2):
 *   client_secret_basic  Authorization: Basic, id and secret form-url-encoded (RFC 6749 §2.3.1)
 *   client_secret_post   client_id and client_secret in the form body
 *   none                 client_id in the form body, no secret (public clients, with PKCE)
 * A request uses exactly one method, and it must be the one the client registered.
 */
import "server-only";
import { timingSafeEqual } from "node:crypto";
import { db, type DbTx } from "@/lib/db";
import { invalidClient, invalidRequest } from "../errors";
import { countFailure, enforceRateLimit, refuseIfLimited, type RateLimit } from "../rate-limit";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";
import { findClient } from "./find-client";
import type { RegisteredClient } from "./registered-client";

/**
 * authenticateClient, counted against the right caller for `rule`: the client at its address
 * once it authenticated; the address alone for unknown clients and failed authentications, and
 * an address past its limit is refused before any work.
 * @throws OAuthError too_many_requests (429), or what authenticateClient throws
 */
export async function authenticateCountedClient(rule: RateLimit, request: Request, form: Map<string, string>, address: string): Promise<RegisteredClient> {
  const anonymous = { kind: "address", address } as const;
  await refuseIfLimited(rule, anonymous);
  const client = await countFailure(rule, anonymous, () => authenticateClient(request, form));
  await enforceRateLimit(rule, { kind: "client", clientId: client.id, address });
  return client;
}

/** A client_id alone (`none`), or with a secret and the method that carried it. */
type PresentedCredentials = { clientId: string; secret: null } | { clientId: string; secret: string; method: "client_secret_basic" | "client_secret_post" };

/**
 * Authenticates the client of a token or revocation request. Failed authentication is
 * `invalid_client` (401, RFC 6749 §5.2); a request that is malformed or mixes methods is
 * `invalid_request`.
 */
export async function authenticateClient(request: Request, form: Map<string, string>): Promise<RegisteredClient> {
  const presented = presentedCredentials(request.headers.get("authorization"), form);
  const client = await findClient(presented.clientId);
  if (!client) throw invalidClient("Unknown client.");

  const registered = client.tokenEndpointAuthMethod;
  if (registered === "none") {
    // A public client cannot keep a secret, so one arriving means a confused or forged client.
    if (presented.secret !== null) throw invalidClient("This is a public client; it must not send a client secret.");
    return client;
  }
  if (presented.secret === null) throw invalidClient(`This client must authenticate with ${registered}.`);
  if (presented.method !== registered) {
    throw invalidClient(`This client is registered for ${registered}, not ${presented.method}.`);
  }
  if (!client.secretHash || !secretMatches(presented.secret, client.secretHash)) {
    throw invalidClient("Client authentication failed.");
  }
  return client;
}

/** Which credentials the request carries, refusing ambiguous or malformed ones. */
function presentedCredentials(authorization: string | null, form: Map<string, string>): PresentedCredentials {
  const formClientId = form.get("client_id");
  const formSecret = form.get("client_secret");
  const assertion = form.has("client_assertion") || form.has("client_assertion_type");
  const basic = authorization === null ? null : parseBasicAuthorization(authorization);

  const methods = [basic !== null, formSecret !== undefined, assertion].filter(Boolean).length;
  if (methods > 1) throw invalidRequest("Use exactly one client authentication method per request.");
  if (assertion) throw invalidClient("JWT client assertions are not supported; use client_secret_basic, client_secret_post or none.");

  if (basic) {
    // RFC 6749 §2.3.1 allows client_id in the body as well; it must name the same client.
    if (formClientId !== undefined && formClientId !== basic.clientId) {
      throw invalidRequest("client_id in the body does not match the client in the Authorization header.");
    }
    // Some libraries send "client_id:" in Basic for public clients: no secret, so no method.
    if (basic.secret === "") return { clientId: basic.clientId, secret: null };
    return { method: "client_secret_basic", clientId: basic.clientId, secret: basic.secret };
  }
  if (formClientId === undefined) {
    throw invalidClient("Client authentication is required: send client_id (and its secret, if it has one).");
  }
  if (formSecret !== undefined) return { method: "client_secret_post", clientId: formClientId, secret: formSecret };
  return { clientId: formClientId, secret: null };
}

/** RFC 7617 Basic credentials, each part form-url-decoded as RFC 6749 §2.3.1 requires. */
function parseBasicAuthorization(header: string): { clientId: string; secret: string } {
  const match = /^Basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  if (!match?.[1]) throw invalidRequest("The Authorization header must use the Basic scheme for client authentication.");
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 1) throw invalidRequest("The Basic credentials must be client_id:client_secret.");
  try {
    return { clientId: formUrlDecode(decoded.slice(0, colon)), secret: formUrlDecode(decoded.slice(colon + 1)) };
  } catch {
    throw invalidRequest("The Basic credentials are not correctly form-url-encoded.");
  }
}

function formUrlDecode(value: string): string {
  return decodeURIComponent(value.replaceAll("+", " "));
}

/** Compares hashes, not secrets, in constant time: timing reveals nothing about the stored value. */
function secretMatches(secret: string, storedHash: string): boolean {
  const presented = Buffer.from(hashToken(secret));
  const stored = Buffer.from(storedHash);
  return presented.length === stored.length && timingSafeEqual(presented, stored);
}

/**
 * Issues a new secret for a confidential client (developer apps) and returns it, once; the
 * old secret stops working at once. Only the hash is kept (RFC 6749 §2.3.1, §10.1).
 */
export async function rotateClientSecret(clientId: string, tx: DbTx = db): Promise<string> {
  const secret = await replaceClientSecret(clientId, undefined, tx);
  if (secret === null) throw invalidClient("No confidential client with this client_id exists.");
  return secret;
}

/**
 * `rotateClientSecret`, compare-and-set: only while the client still has the secret whose hash
 * (`replacing`) the caller read. Of two rotations at once, one replaces the secret and the other
 * gets null — so every secret handed out is one that works. Null too when there is no such
 * confidential client; `replacing` undefined replaces whatever secret there is.
 */
export async function replaceClientSecret(clientId: string, replacing: string | null | undefined, tx: DbTx = db): Promise<string | null> {
  const secret = newOpaqueToken(PREFIX.clientSecret);
  const { count } = await tx.oAuthClient.updateMany({
    where: { id: clientId, tokenEndpointAuthMethod: { in: ["client_secret_basic", "client_secret_post"] }, ...(replacing !== undefined ? { secretHash: replacing } : {}) },
    data: { secretHash: hashToken(secret), secretIssuedAt: new Date() },
  });
  return count === 1 ? secret : null;
}

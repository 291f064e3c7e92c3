/**
 * OAuth 2.0 Dynamic Client Registration (RFC 7591) for MCP clients that do not use a Client
 * ID Metadata Document (MCP authorization 2025-11-25 §Dynamic Client Registration).
 *
 * Registrations are unverified and free, so they are kept cheap: identical public
 * registrations share one client, a registration nobody uses to obtain a grant expires
 * after UNUSED_REGISTRATION_TTL_SECONDS, and each address is rate limited.
 */
import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { db, type DbTx } from "@/lib/db";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { formatScope } from "@/lib/domain/integrations/scopes";
import { invalidClientMetadata, isOAuthError } from "../errors";
import { UNUSED_REGISTRATION_TTL_SECONDS } from "../lifetimes";
import { countFailure, enforceRateLimit, RATE_LIMITS } from "../rate-limit";
import { parseScope } from "../scopes";
import { hashToken, newOpaqueToken, PREFIX } from "../secrets";
import {
  ClientNameSchema,
  HttpsUrlSchema,
  isJsonObject,
  metadataError,
  RedirectUrisSchema,
  SoftwareLabelSchema,
  withoutEmptyFields,
} from "./client-metadata";

export const DEFAULT_CLIENT_NAME = "Unnamed MCP client";

const SUPPORTED_GRANT_TYPES = ["authorization_code", "refresh_token"] as const;

/**
 * The client metadata we accept (RFC 7591 §2). Fields we do not understand are ignored
 * (§2: "MUST ignore any client metadata ... that it does not understand"), including
 * software_statement (§2.3: unsupported, so ignored) and jwks/jwks_uri (no method uses them).
 */
const RegistrationRequestSchema = z.object({
  redirect_uris: RedirectUrisSchema,
  // RFC 7591 §2 defaults to client_secret_basic, but MCP clients are overwhelmingly public
  // native apps; §3.2.1 lets us substitute a value, and we echo the one we chose.
  token_endpoint_auth_method: z
    .enum(["none", "client_secret_basic", "client_secret_post"], {
      error: "must be none, client_secret_basic or client_secret_post",
    })
    .default("none"),
  grant_types: z
    .array(z.enum(SUPPORTED_GRANT_TYPES, { error: "only authorization_code and refresh_token are supported" }), {
      error: "must be an array",
    })
    .refine((types) => types.includes("authorization_code"), "must include authorization_code")
    .transform((types) => [...new Set(types)])
    .optional(),
  // §2.1: the authorization_code grant goes with the code response type, the only one we have.
  response_types: z
    .array(z.literal("code", { error: "only code is supported" }), { error: "must be an array" })
    .min(1, "must include code")
    .transform(() => ["code"])
    .optional(),
  client_name: ClientNameSchema.optional(),
  client_uri: HttpsUrlSchema.optional(),
  logo_uri: HttpsUrlSchema.optional(),
  scope: z.string().max(1000, "must be at most 1000 characters").optional(),
  software_id: SoftwareLabelSchema.optional(),
  software_version: SoftwareLabelSchema.optional(),
});

type TokenEndpointAuthMethod = z.infer<typeof RegistrationRequestSchema>["token_endpoint_auth_method"];

/** The registered metadata, as stored and echoed (RFC 7591 §3.2.1). */
interface RegisteredMetadata {
  client_name: string;
  redirect_uris: string[];
  grant_types: string[];
  response_types: string[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  client_uri?: string;
  logo_uri?: string;
  scope?: string;
  software_id?: string;
  software_version?: string;
}

/** RFC 7591 §3.2.1 Client Information Response. */
export interface ClientInformationResponse extends RegisteredMetadata {
  client_id: string;
  client_id_issued_at: number;
  client_secret?: string;
  /** 0: the secret does not expire (§3.2.1). */
  client_secret_expires_at?: number;
}

/**
 * RFC 7591 §3: registers a client from its metadata and returns the §3.2.1 response. A
 * public client whose metadata matches a live registration gets that registration back
 * (clients such as mcp-remote register on every start); a confidential client always gets
 * a new one, because a secret is shown only once. Errors follow §3.2.2.
 */
export async function registerClient(body: unknown, ip: string): Promise<ClientInformationResponse> {
  // Counted per address: refused requests and new registrations; a registration answered with
  // an existing client costs nothing and is never refused.
  const caller = { kind: "address", address: ip } as const;
  const metadata = await countFailure(RATE_LIMITS.register, caller, async () => parseRegistrationRequest(body));
  const fingerprint = registrationFingerprint(metadata);
  const now = new Date();
  const expiresAt = new Date(now.getTime() + UNUSED_REGISTRATION_TTL_SECONDS * 1000);

  if (metadata.token_endpoint_auth_method === "none") {
    const existing = await db.oAuthClient.findFirst({
      where: {
        kind: "dynamic",
        registrationFingerprint: fingerprint,
        tokenEndpointAuthMethod: "none",
        OR: [{ expiresAt: null }, { expiresAt: { gt: now } }],
      },
      orderBy: { createdAt: "desc" },
    });
    if (existing) {
      // An unused registration gets a fresh lease; a used one (expiresAt null) stays permanent.
      if (existing.expiresAt) await db.oAuthClient.update({ where: { id: existing.id }, data: { expiresAt } });
      return { client_id: existing.id, client_id_issued_at: epochSeconds(existing.createdAt), ...metadata };
    }
  }

  await enforceRateLimit(RATE_LIMITS.register, caller);
  await sweepExpiredRegistrations().catch((error: unknown) => console.error("Sweeping expired registrations failed", error));

  const clientId = newOpaqueToken(PREFIX.clientId, 16);
  const secret = metadata.token_endpoint_auth_method === "none" ? null : newOpaqueToken(PREFIX.clientSecret);
  const created = await db.$transaction(async (tx) => {
    const row = await tx.oAuthClient.create({
      data: {
        id: clientId,
        kind: "dynamic",
        name: metadata.client_name,
        clientUri: metadata.client_uri ?? null,
        logoUri: metadata.logo_uri ?? null,
        redirectUris: metadata.redirect_uris,
        tokenEndpointAuthMethod: metadata.token_endpoint_auth_method,
        secretHash: secret ? hashToken(secret) : null,
        secretIssuedAt: secret ? now : null,
        softwareId: metadata.software_id ?? null,
        softwareVersion: metadata.software_version ?? null,
        registrationFingerprint: fingerprint,
        expiresAt,
      },
    });
    await recordAuditEvent(
      {
        type: "client.registered",
        clientId,
        detail: {
          client_name: metadata.client_name,
          redirect_uris: metadata.redirect_uris,
          token_endpoint_auth_method: metadata.token_endpoint_auth_method,
          software_id: metadata.software_id ?? null,
          software_version: metadata.software_version ?? null,
          ip,
        },
      },
      tx,
    );
    return row;
  });

  return {
    client_id: created.id,
    client_id_issued_at: epochSeconds(created.createdAt),
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
    ...metadata,
  };
}

/** Validates a registration request body into the metadata we will register (RFC 7591 §2, §3.2.2). */
function parseRegistrationRequest(body: unknown): RegisteredMetadata {
  if (!isJsonObject(body)) throw invalidClientMetadata("The request body must be a JSON object of client metadata.");
  const parsed = RegistrationRequestSchema.safeParse(withoutEmptyFields(body));
  if (!parsed.success) {
    throw metadataError(parsed.error, { redirectCode: "invalid_redirect_uri", otherCode: "invalid_client_metadata" });
  }
  const request = parsed.data;

  let scope: string | undefined;
  if (request.scope !== undefined) {
    try {
      // RFC 7591 has no invalid_scope; §3.2.2 puts every bad field under invalid_client_metadata.
      scope = formatScope(parseScope(request.scope)) || undefined;
    } catch (error) {
      if (isOAuthError(error)) throw invalidClientMetadata(`scope: ${error.description}`);
      throw error;
    }
  }

  // Members left undefined drop out of the JSON response, which echoes only what was registered.
  return {
    client_name: request.client_name ?? DEFAULT_CLIENT_NAME,
    redirect_uris: request.redirect_uris,
    grant_types: request.grant_types ?? [...SUPPORTED_GRANT_TYPES],
    response_types: request.response_types ?? ["code"],
    token_endpoint_auth_method: request.token_endpoint_auth_method,
    client_uri: request.client_uri,
    logo_uri: request.logo_uri,
    scope,
    software_id: request.software_id,
    software_version: request.software_version,
  };
}

/**
 * Identical registrations have identical fingerprints: everything we register, with the
 * order-insensitive lists sorted.
 */
function registrationFingerprint(metadata: RegisteredMetadata): string {
  const canonical = {
    client_name: metadata.client_name,
    redirect_uris: [...metadata.redirect_uris].sort(),
    grant_types: [...metadata.grant_types].sort(),
    response_types: [...metadata.response_types].sort(),
    token_endpoint_auth_method: metadata.token_endpoint_auth_method,
    client_uri: metadata.client_uri ?? null,
    logo_uri: metadata.logo_uri ?? null,
    scope: metadata.scope ?? null,
    software_id: metadata.software_id ?? null,
    software_version: metadata.software_version ?? null,
  };
  return createHash("sha256").update(JSON.stringify(canonical)).digest("base64url");
}

/**
 * A client became useful: it obtained a grant. It no longer expires as an unused
 * registration. Call inside the transaction that creates the grant.
 */
export async function markClientUsed(clientId: string, tx: DbTx = db): Promise<void> {
  await tx.oAuthClient.updateMany({ where: { id: clientId }, data: { expiresAt: null, lastUsedAt: new Date() } });
}

/** Deletes dynamic registrations past their expiry that never obtained a grant. Returns how many. */
export async function sweepExpiredRegistrations(now = new Date()): Promise<number> {
  const { count } = await db.oAuthClient.deleteMany({
    where: { kind: "dynamic", expiresAt: { lt: now }, grants: { none: {} } },
  });
  return count;
}

function epochSeconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}

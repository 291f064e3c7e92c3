/**
 * Client metadata fields (RFC 7591 §2) as Hourbook accepts them, shared by Dynamic Client
 * Registration and Client ID Metadata Documents. Bounds keep hostile input small; the
 * consent page shows the name and URLs, so they must be plain text and https.
 */
import { z } from "zod";
import { OAuthError, type OAuthErrorCode } from "../errors";
import { redirectUriProblem } from "../redirect-uri";

export const MAX_REDIRECT_URIS = 10;
const MAX_URI_LENGTH = 2000;

// C0/C1 controls and bidi overrides would let a name spoof the consent page's layout.
const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

/** RFC 7591 §2 `redirect_uris`: required, each one registrable (lib/oauth/redirect-uri.ts). */
export const RedirectUrisSchema = z
  .array(z.string().max(MAX_URI_LENGTH, `must be at most ${MAX_URI_LENGTH} characters`), {
    error: (issue) => (issue.input === undefined ? "is required" : "must be an array of URIs"),
  })
  .min(1, "at least one redirect URI is required")
  .max(MAX_REDIRECT_URIS, `at most ${MAX_REDIRECT_URIS} redirect URIs are allowed`)
  .superRefine((uris, ctx) => {
    uris.forEach((uri, index) => {
      const problem = redirectUriProblem(uri);
      if (problem) ctx.addIssue({ code: "custom", message: problem, path: [index] });
    });
  })
  .transform((uris) => [...new Set(uris)]);

/** client_uri, logo_uri: shown to people, so https only and never with credentials. */
export const HttpsUrlSchema = z
  .string()
  .max(MAX_URI_LENGTH, `must be at most ${MAX_URI_LENGTH} characters`)
  .refine(isPlainHttpsUrl, "must be an https URL without credentials or fragment");

export const ClientNameSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100, "must be at most 100 characters")
  .refine((name) => !UNSAFE_TEXT.test(name), "must not contain control or bidirectional formatting characters");

export const SoftwareLabelSchema = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(200, "must be at most 200 characters")
  .refine((value) => !UNSAFE_TEXT.test(value), "must not contain control characters");

export function isPlainHttpsUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === "https:" && !url.username && !url.password && !value.includes("#");
  } catch {
    return false;
  }
}

/**
 * RFC 7591 §2: optional fields sent as `null` or `""` mean "not provided" to many clients;
 * treating them as absent avoids refusing a registration over an empty placeholder.
 */
export function withoutEmptyFields(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== null && value !== ""));
}

export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * The first problem of a failed metadata parse as an OAuth error: problems with
 * `redirect_uris` get `redirectCode` (RFC 7591 §3.2.2 `invalid_redirect_uri` for
 * registration), everything else `otherCode`.
 */
export function metadataError(
  error: z.ZodError,
  codes: { redirectCode: OAuthErrorCode; otherCode: OAuthErrorCode; prefix?: string },
): OAuthError {
  const issue = error.issues[0];
  if (!issue) return new OAuthError(codes.otherCode, `${codes.prefix ?? ""}The client metadata is invalid.`);
  const [field] = issue.path;
  const where = issue.path.map(String).join(".") || "metadata";
  return new OAuthError(field === "redirect_uris" ? codes.redirectCode : codes.otherCode, `${codes.prefix ?? ""}${where}: ${issue.message}`);
}

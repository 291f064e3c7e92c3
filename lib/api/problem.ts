/**
 * The REST API's one error shape: RFC 9457 problem details, with a stable `code` (also the
 * last segment of `type`) and, for invalid input, per-field messages.
 */
export const PROBLEM_TYPES = {
  invalid_request: { status: 400, title: "The request is not valid" },
  validation_failed: { status: 422, title: "The input did not pass validation" },
  unauthorized: { status: 401, title: "Authentication required" },
  invalid_token: { status: 401, title: "The access token is not valid" },
  /** The DPoP proof sent with a DPoP-bound token is missing, invalid or replayed (RFC 9449 §7.1). */
  invalid_dpop_proof: { status: 401, title: "The DPoP proof is not valid" },
  insufficient_scope: { status: 403, title: "The access token lacks a scope" },
  access_denied: { status: 403, title: "This workspace does not allow the request" },
  forbidden: { status: 403, title: "Not allowed" },
  not_found: { status: 404, title: "Not found" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  payload_too_large: { status: 413, title: "Request body too large" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  rate_limited: { status: 429, title: "Too many requests" },
  internal_error: { status: 500, title: "Internal error" },
  /** The disk is full, the database read-only or failing: writes are refused (reads keep working while they can); see Retry-After. */
  storage_unavailable: { status: 503, title: "Storage unavailable" },
} as const;

export type ProblemCode = keyof typeof PROBLEM_TYPES;

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  /** Field-level messages keyed by the input field's path ("body.name", "query.from"). */
  errors?: Record<string, string>;
}

export const PROBLEM_TYPE_BASE = "https://hourbook.dev/problems/";

export function problem(code: ProblemCode, detail: string, errors?: Record<string, string>): Problem {
  const { status, title } = PROBLEM_TYPES[code];
  return { type: `${PROBLEM_TYPE_BASE}${code.replace(/_/g, "-")}`, title, status, code, detail, ...(errors && Object.keys(errors).length ? { errors } : {}) };
}

export function problemResponse(p: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(p), { status: p.status, headers: { "Content-Type": "application/problem+json", "Cache-Control": "no-store", ...headers } });
}

/** A refusal an endpoint raises on purpose (beyond DomainErrors). */
export class ApiProblem extends Error {
  constructor(
    readonly problem: Problem,
    readonly headers: Record<string, string> = {},
  ) {
    super(problem.detail);
    this.name = "ApiProblem";
  }
}

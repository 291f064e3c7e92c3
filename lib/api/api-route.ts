/**
 * Turns an endpoint declaration into a Next route handler: the bearer check, then the
 * connection's rate limit and checkCall (scope, role, billing), input validation, idempotency,
 * the operation, and the response — every refusal one problem+json shape (RFC 9457), every
 * challenge built by `apiChallenge`.
 */
import { attachmentDisposition } from "@/lib/http/attachment";
import { csvResponse } from "@/lib/http/csv-response";
import type { DbTx } from "@/lib/db";
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage, storageUnavailableOf, type StorageUnavailable } from "@/lib/db-errors";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import { withIdempotencyKey } from "@/lib/integrations/idempotency";
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from "@/lib/integrations/idempotency-key";
import { recordActivity } from "@/lib/integrations/record-activity";
import { snakeKey, type Wire } from "@/lib/integrations/wire";
import { checkCall, checkRate, type CallRefusal, type RateRefusal } from "@/lib/operations/check-call";
import type { OperationFile } from "@/lib/operations/operation";
import { bearerChallenge } from "@/lib/oauth/protected-resource/bearer-challenge";
import type { Connection, ConnectionRefusal } from "@/lib/oauth/protected-resource/resolve-connection";
import { withBearerAuth } from "@/lib/oauth/protected-resource/with-bearer-auth";
import { protectedResource } from "@/lib/domain/integrations/resources";
import type { ApiEndpoint } from "./endpoint";
import { ApiProblem, problem, problemResponse, type Problem } from "./problem";
import { readApiInput } from "./read-api-input";

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };
type Refusal = { problem: Problem; headers?: Record<string, string> };

export function apiRoute(declared: ApiEndpoint) {
  return withApiAuth(async (request: Request, connection: Connection, context: RouteContext): Promise<Response> => {
    // Content negotiation: the alternate representation (a PDF) when Accept prefers it; an
    // Accept naming neither still gets JSON. Every check below is the chosen endpoint's.
    const endpoint = declared.alternate && prefers(request.headers.get("accept"), declared.alternate.mediaType ?? "") ? declared.alternate : declared;
    const name = `${endpoint.method} ${endpoint.path}`;
    const vary: Record<string, string> = declared.alternate ? { Vary: "Accept" } : {};
    try {
      const refused = (await checkRate(connection, "api")) ?? checkCall(connection, endpoint, name);
      if (refused) throw new ApiProblem(...callRefusal(refused, connection));
      const input = await readApiInput(endpoint, request, await context.params);
      if (endpoint.stream) {
        const csv = await endpoint.stream({ connection, actor: connection.actor }, input);
        await recordActivity(connection.grantId, "api", name, "ok");
        return csvResponse(csv, vary);
      }
      if (endpoint.download) {
        const file = await endpoint.download({ connection, actor: connection.actor }, input);
        await recordActivity(connection.grantId, "api", name, "ok");
        return fileResponse(file, vary);
      }
      // With an Idempotency-Key, `tx` is the transaction that claims it: the operation's writes
      // commit with the key and the stored response, or not at all.
      const perform = async (tx?: DbTx) => (await endpoint.handle({ connection, actor: connection.actor, tx }, input)) as { [key: string]: Wire };
      const key = request.headers.get("idempotency-key");
      let replayed = false;
      let body: Wire;
      if (endpoint.idempotent && key !== null) {
        if (!IDEMPOTENCY_KEY_PATTERN.test(key)) throw new ApiProblem(problem("invalid_request", `Idempotency-Key must be ${IDEMPOTENCY_KEY_RULE}.`));
        const outcome = await withIdempotencyKey({ grantId: connection.grantId, operation: `api:${name}`, key, arguments: { params: input.params, query: input.query, body: input.body } }, perform);
        ({ replayed, result: body } = outcome);
      } else {
        body = await perform();
      }
      await recordActivity(connection.grantId, "api", name, "ok");
      if (endpoint.successStatus === 204) return new Response(null, { status: 204 });
      return Response.json(body, { status: endpoint.successStatus, headers: { "Cache-Control": "no-store", ...vary, ...(replayed ? { "Idempotent-Replayed": "true" } : {}) } });
    } catch (error) {
      const refusal = toProblem(error);
      if (!refusal) throw error;
      await recordActivity(connection.grantId, "api", name, refusal.problem.status === 403 ? "denied" : "error", refusal.problem.detail);
      return problemResponse(refusal.problem, { ...vary, ...refusal.headers });
    }
  });
}

/** A document as a download: its media type, and the file name to save it as (RFC 6266). */
function fileResponse(file: OperationFile, headers: Record<string, string>): Response {
  return new Response(file.data, {
    status: 200,
    headers: {
      "Content-Type": file.mediaType,
      "Content-Length": String(file.data.byteLength),
      "Content-Disposition": attachmentDisposition(file.fileName),
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/**
 * Whether an Accept header (RFC 9110 §12.5.1) asks for `mediaType` at least as much as for
 * JSON: named with a quality above 0, and JSON (or a wildcard covering it) not given a higher one.
 */
export function prefers(accept: string | null, mediaType: string): boolean {
  if (!accept || !mediaType) return false;
  const quality = new Map<string, number>();
  for (const part of accept.split(",")) {
    const [range, ...params] = part.split(";").map((p) => p.trim().toLowerCase());
    if (!range) continue;
    const q = params.find((p) => p.startsWith("q="));
    const value = q ? Number(q.slice(2)) : 1;
    quality.set(range, Number.isFinite(value) ? value : 0);
  }
  const wanted = quality.get(mediaType.toLowerCase()) ?? 0;
  if (wanted <= 0) return false;
  const json = quality.get("application/json") ?? quality.get("application/*") ?? quality.get("*/*") ?? 0;
  return wanted >= json;
}

/** The bearer check around a route handler, with REST's renderer: problem+json and the API's challenge. */
function withApiAuth<C>(handler: (request: Request, connection: Connection, context: C) => Promise<Response>) {
  return withBearerAuth("api", {
    refused: (refusal) => {
      const p = refusal.status === 401 ? problem(refusal.error ?? "unauthorized", refusal.description) : problem("access_denied", refusal.description);
      return problemResponse(p, { "WWW-Authenticate": apiChallenge(refusal) });
    },
    storageUnavailable: (storage) => {
      const { problem: p, headers } = storageProblemOf(storage);
      return problemResponse(p, headers);
    },
  }, handler);
}

/**
 * The REST API's one `WWW-Authenticate` challenge (RFC 6750 §3, RFC 9728 §5.1; the DPoP scheme
 * for a DPoP-bound token, RFC 9449 §7.1): a refused token or connection, or a scope the call needs.
 */
function apiChallenge(refusal: ConnectionRefusal | { status: 403; error: "insufficient_scope"; scope: string; scheme?: "DPoP" }): string {
  return bearerChallenge({
    resourceMetadataUrl: protectedResource("api").metadataUrl,
    error: refusal.error === "access_denied" ? null : refusal.error,
    description: refusal.status === 401 && refusal.error ? refusal.description : undefined,
    scope: "scope" in refusal ? refusal.scope : undefined,
    scheme: "scheme" in refusal ? refusal.scheme : undefined,
  });
}

function callRefusal(refusal: CallRefusal | RateRefusal, connection: Connection): [Problem, Record<string, string>?] {
  switch (refusal.kind) {
    case "rate_limited":
      return [problem("rate_limited", refusal.message), { "Retry-After": String(refusal.retryAfterSeconds) }];
    case "scope": {
      const scope = [...connection.scopes, refusal.scope].join(" ");
      const challenge = apiChallenge({ status: 403, error: "insufficient_scope", scope, ...(connection.dpopJkt ? { scheme: "DPoP" as const } : {}) });
      return [problem("insufficient_scope", refusal.message), { "WWW-Authenticate": challenge }];
    }
    case "role":
      return [problem("forbidden", refusal.message)];
    case "billing":
      return [problem("access_denied", refusal.message)];
  }
}

function toProblem(error: unknown): Refusal | null {
  if (error instanceof ApiProblem) return { problem: error.problem, headers: error.headers };
  if (isDomainError(error)) return { problem: domainProblem(error) };
  return storageProblem(error);
}

function storageProblem(error: unknown): Required<Refusal> | null {
  const storage = storageUnavailableOf(error);
  return storage && storageProblemOf(storage);
}

/** 503 storage_unavailable with Retry-After (RFC 9110 §15.6.4, §10.2.3) when storage refused the operation. */
function storageProblemOf(storage: StorageUnavailable): Required<Refusal> {
  return { problem: problem("storage_unavailable", storageUnavailableMessage(storage)), headers: { "Retry-After": String(STORAGE_RETRY_AFTER_SECONDS) } };
}

function domainProblem(error: DomainError): Problem {
  switch (error.code) {
    case "invalid_input":
      return problem("validation_failed", error.message, Object.fromEntries(Object.entries(error.fieldErrors).map(([k, v]) => [snakeKey(k), v])));
    case "not_found":
      return problem("not_found", error.message);
    case "forbidden":
      return problem("forbidden", error.message);
    case "conflict":
      return problem("conflict", error.message);
  }
}

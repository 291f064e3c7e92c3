/**
 * Turns an endpoint declaration into a Next route handler: the same live connection check
 * as MCP, then scope, role and billing, then input validation, idempotency, one domain call,
 * and the response — every refusal one problem+json shape (RFC 9457).
 */
import type { DbTx } from "@/lib/db";
import { STORAGE_RETRY_AFTER_SECONDS, storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";
import { can } from "@/lib/domain/actor";
import { protectedResource } from "@/lib/domain/integrations/resources";
import { scopesAllow } from "@/lib/domain/integrations/scopes";
import { env } from "@/lib/env";
import { isDomainError, type DomainError } from "@/lib/domain/errors";
import { bearerChallenge } from "@/lib/http/bearer-challenge";
import { withIdempotencyKey } from "@/lib/integrations/idempotency";
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from "@/lib/integrations/idempotency-key";
import { recordActivity } from "@/lib/integrations/record-activity";
import { resolveConnection, type Connection } from "@/lib/integrations/resolve-connection";
import { snakeKey, toWire, type Wire } from "@/lib/integrations/wire";
import { consumeRateLimit } from "@/lib/oauth/rate-limit";
import type { ApiEndpoint } from "./endpoint";
import { ApiProblem, problem, problemResponse, type Problem } from "./problem";
import { readApiInput } from "./read-api-input";

const apiRateLimit = () => ({ name: "api", limit: env.HOURBOOK_CONNECTION_RATE_LIMIT, windowSeconds: 60 });

type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export function apiRoute(endpoint: ApiEndpoint) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    let result;
    try {
      result = await resolveConnection(request.headers.get("authorization"), "api");
    } catch (error) {
      const refusal = storageProblem(error);
      if (!refusal) throw error;
      return problemResponse(refusal.problem, refusal.headers);
    }
    if (!result.ok) {
      const { refusal } = result;
      const p = refusal.status === 401 ? problem(refusal.error ? "invalid_token" : "unauthorized", refusal.description) : problem("access_denied", refusal.description);
      return problemResponse(p, {
        "WWW-Authenticate": bearerChallenge({
          resourceMetadataUrl: protectedResource("api").metadataUrl,
          error: refusal.status === 401 ? refusal.error : null,
          description: refusal.status === 401 && refusal.error ? refusal.description : undefined,
        }),
      });
    }
    const { connection } = result;
    const name = `${endpoint.method} ${endpoint.path}`;
    try {
      await guard(endpoint, connection);
      const input = await readApiInput(endpoint, request, await context.params);
      // With an Idempotency-Key, `tx` is the transaction that claims it: the handler's writes
      // commit with the key and the stored response, or not at all.
      const perform = async (tx?: DbTx): Promise<{ [key: string]: Wire }> =>
        endpoint.response.parse(toWire(await endpoint.handle({ connection, actor: connection.actor, tx }, input))) as { [key: string]: Wire };
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
      const status = endpoint.successStatus ?? 200;
      if (status === 204) return new Response(null, { status });
      return Response.json(body, { status, headers: { "Cache-Control": "no-store", ...(replayed ? { "Idempotent-Replayed": "true" } : {}) } });
    } catch (error) {
      const refusal = toProblem(error);
      if (!refusal) throw error;
      await recordActivity(connection.grantId, "api", name, refusal.problem.status === 403 ? "denied" : "error", refusal.problem.detail);
      return problemResponse(refusal.problem, refusal.headers);
    }
  };
}

async function guard(endpoint: ApiEndpoint, connection: Connection): Promise<void> {
  const rate = await consumeRateLimit(apiRateLimit(), { kind: "grant", grantId: connection.grantId });
  if (!rate.allowed) {
    throw new ApiProblem(problem("rate_limited", `Too many requests; try again in ${rate.retryAfterSeconds} s.`), {
      "Retry-After": String(rate.retryAfterSeconds),
    });
  }
  if (!scopesAllow(connection.scopes, endpoint.scope)) {
    throw new ApiProblem(problem("insufficient_scope", `This endpoint needs the ${endpoint.scope} scope, which this token was not granted.`), {
      "WWW-Authenticate": bearerChallenge({
        resourceMetadataUrl: protectedResource("api").metadataUrl,
        error: "insufficient_scope",
        scope: [...connection.scopes, endpoint.scope].join(" "),
      }),
    });
  }
  if (endpoint.permission && !can(connection.actor, endpoint.permission)) {
    throw new ApiProblem(problem("forbidden", `Your role in this workspace (${connection.actor.role}) does not allow ${endpoint.method} ${endpoint.path}.`));
  }
  if (endpoint.access !== "read" && connection.writeRefusal) throw new ApiProblem(problem("access_denied", connection.writeRefusal));
}

function toProblem(error: unknown): { problem: Problem; headers?: Record<string, string> } | null {
  if (error instanceof ApiProblem) return { problem: error.problem, headers: error.headers };
  if (isDomainError(error)) return { problem: domainProblem(error) };
  return storageProblem(error);
}

/** 503 storage_unavailable with Retry-After (RFC 9110 §15.6.4, §10.2.3) when storage refused the operation. */
function storageProblem(error: unknown): { problem: Problem; headers: Record<string, string> } | null {
  const storage = storageUnavailableOf(error);
  if (!storage) return null;
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

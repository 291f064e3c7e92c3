/**
 * The OpenAPI 3.1 document, generated from the endpoint declarations' zod schemas (OpenAPI
 * 3.1 uses JSON Schema 2020-12, which zod emits directly) — there is no hand-kept copy.
 */
import { z } from "zod";
import { issuer } from "@/lib/domain/integrations/resources";
import { describeScope } from "@/lib/domain/integrations/scope-descriptions";
import { scopesForResource } from "@/lib/domain/integrations/scopes";
import { authorizationServerMetadata } from "@/lib/oauth/metadata";
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from "@/lib/integrations/idempotency-key";
import type { ApiEndpoint } from "./endpoint";
import { API_ENDPOINTS } from "./endpoint-catalog";
import { PROBLEM_TYPES } from "./problem";
import { MAX_API_BODY_BYTES } from "./read-api-input";

type JsonSchema = Record<string, unknown>;

function schemaOf(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

const ProblemSchema = {
  type: "object",
  required: ["type", "title", "status", "code", "detail"],
  properties: {
    type: { type: "string", format: "uri" },
    title: { type: "string" },
    status: { type: "integer" },
    code: { type: "string", enum: Object.keys(PROBLEM_TYPES) },
    detail: { type: "string" },
    errors: { type: "object", additionalProperties: { type: "string" }, description: "Per-field messages, keyed like body.name or query.from" },
  },
};

function parameters(endpoint: ApiEndpoint): JsonSchema[] {
  const list: JsonSchema[] = [];
  for (const [where, schema] of [["path", endpoint.params], ["query", endpoint.query]] as const) {
    if (!schema) continue;
    const json = schemaOf(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, property] of Object.entries(json.properties ?? {})) {
      const { description, ...rest } = property;
      list.push({ name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: rest, ...(description ? { description } : {}) });
    }
  }
  // The alternate representation's own query parameters (GET /invoices/{id}?size=letter with Accept: application/pdf).
  for (const param of endpoint.alternate ? parameters(endpoint.alternate) : []) {
    if (param.in !== "query" || list.some((p) => p.name === param.name)) continue;
    list.push({ ...param, description: `${param.description ? `${param.description}. ` : ""}Only with Accept: ${endpoint.alternate?.mediaType}` });
  }
  if (endpoint.idempotent) {
    list.push({
      name: "Idempotency-Key",
      in: "header",
      required: false,
      description: `A unique key for this request (${IDEMPOTENCY_KEY_RULE}). Retrying with the same key and body returns the first response (with Idempotent-Replayed: true) instead of creating twice; the same key with another body is a 409.`,
      schema: { type: "string", pattern: IDEMPOTENCY_KEY_PATTERN.source },
    });
  }
  return list;
}

const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } } } });

/** The success response's content: JSON, a document (format binary), or either as Accept chooses. */
function successContent(endpoint: ApiEndpoint): JsonSchema {
  const binary = (mediaType: string) => ({ [mediaType]: { schema: { type: "string", format: "binary" } } });
  if (endpoint.mediaType) return binary(endpoint.mediaType);
  return {
    "application/json": { schema: schemaOf(endpoint.response, "output") },
    ...(endpoint.alternate?.mediaType ? binary(endpoint.alternate.mediaType) : {}),
  };
}

function operation(endpoint: ApiEndpoint): JsonSchema {
  const status = String(endpoint.successStatus);
  const alternate = endpoint.alternate?.mediaType;
  return {
    operationId: endpoint.operationId,
    summary: endpoint.summary,
    description: alternate && endpoint.alternate?.path === endpoint.path
      ? `${endpoint.description} ${endpoint.alternate.description}`
      : alternate
      ? `${endpoint.description} With Accept: ${alternate} it answers the document instead, as ${endpoint.alternate?.method} ${endpoint.alternate?.path} does (an Accept that names neither gets JSON).`
      : endpoint.description,
    tags: [endpoint.tag],
    security: [{ oauth2: [endpoint.scope] }],
    parameters: parameters(endpoint),
    ...(endpoint.body ? { requestBody: { required: true, content: { "application/json": { schema: schemaOf(endpoint.body, "input") } } } } : {}),
    responses: {
      [status]: status === "204" ? { description: "Done" } : { description: endpoint.mediaType ? `The document, as an attachment (Content-Disposition names the file)` : "Success", content: successContent(endpoint) },
      ...(endpoint.body || endpoint.idempotent ? { "400": problemResponse("The body is not JSON (UTF-8), or the Idempotency-Key is malformed") } : {}),
      "401": problemResponse("Missing, invalid, expired or revoked access token, or a DPoP proof that does not hold"),
      "403": problemResponse("Insufficient scope, role, or a workspace policy/billing refusal"),
      "404": problemResponse("Not found in this workspace"),
      ...(endpoint.method === "GET" ? {} : { "409": problemResponse("Conflict with the current state, or an Idempotency-Key used with another body") }),
      ...(endpoint.body ? { "413": problemResponse(`The body is larger than ${MAX_API_BODY_BYTES / 1024} KiB`), "415": problemResponse("The body is not application/json") } : {}),
      "422": problemResponse("Invalid input, with per-field messages"),
      "429": problemResponse("Rate limited"),
      "503": problemResponse("Storage unavailable (disk full, database read-only or failing): nothing was changed; retry after Retry-After"),
    },
  };
}

/**
 * Operation words name other operations as MCP does (`list_clients`); the REST document names
 * the endpoint instead ("GET /api/v1/clients"), in every description of the document.
 */
function inRestWords<T>(value: T, names: ReadonlyMap<string, string>): T {
  if (typeof value === "string") return value.replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (word) => names.get(word) ?? word) as T;
  if (Array.isArray(value)) return value.map((item) => inRestWords(item, names)) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, key === "description" || typeof item === "object" ? inRestWords(item, names) : item])) as T;
  }
  return value;
}

export function openApiDocument(): JsonSchema {
  const names = new Map(API_ENDPOINTS.map((e) => [e.operation.name, `${e.method} ${e.path}`]));
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const endpoint of API_ENDPOINTS) {
    paths[endpoint.path] ??= {};
    (paths[endpoint.path] as Record<string, JsonSchema>)[endpoint.method.toLowerCase()] = inRestWords(operation(endpoint), names);
  }
  const as = authorizationServerMetadata();
  return {
    openapi: "3.1.0",
    info: {
      title: "Hourbook REST API",
      version: "1.0.0",
      description: "Time tracking and invoicing for one workspace per access token. Get a token with the OAuth 2.1 authorization code flow with PKCE (resource = <server>/api). Money is in minor units, durations in seconds, dates YYYY-MM-DD in the workspace's time zone. Errors are RFC 9457 problem details.",
    },
    servers: [{ url: issuer() }],
    tags: [...new Set(API_ENDPOINTS.map((e) => e.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Problem: ProblemSchema },
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          flows: {
            authorizationCode: {
              authorizationUrl: as.authorization_endpoint,
              tokenUrl: as.token_endpoint,
              refreshUrl: as.token_endpoint,
              scopes: Object.fromEntries(scopesForResource("api").map((s) => [s, describeScope(s).text])),
            },
          },
        },
      },
    },
  };
}

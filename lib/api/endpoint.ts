/**
 * A REST endpoint: an operation (lib/operations) at an HTTP method and path. The operation
 * gives the words, scope, permission and schemas; the endpoint adds only what is HTTP's: the
 * path parameter that names the resource, query parameters read from strings, the success
 * status, the Idempotency-Key header, and the response body (a resource itself, a list under
 * `data`). The route handler (api-route.ts) and the OpenAPI document (openapi.ts) are built from it.
 */
import { z } from "zod";
import type { CsvExport } from "@/lib/domain/csv/csv";
import type { Wire } from "@/lib/integrations/wire";
import { operationFieldName } from "@/lib/operations/field-names";
import { performFileOperation, performOperation, type Operation, type OperationContext, type OperationFile } from "@/lib/operations/operation";
import { queryField } from "./query";
import { requestFields } from "./request-fields";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ApiInput {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

export interface ApiEndpoint extends Pick<Operation, "scope" | "permission" | "access"> {
  operation: Operation;
  method: HttpMethod;
  /** OpenAPI path template, e.g. "/api/v1/clients/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description: string;
  tag: string;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  response: z.ZodType;
  successStatus: 200 | 201 | 204;
  /** POSTs that create something accept an Idempotency-Key header; the operation then writes through `ctx.tx`. */
  idempotent: boolean;
  /** Runs the operation on the validated input; answers the response body as wire JSON. */
  handle: (ctx: OperationContext, input: ApiInput) => Promise<Wire>;
  /** A file operation's endpoint answers the document itself (`mediaType`), not JSON: this makes it. */
  download?: (ctx: OperationContext, input: ApiInput) => Promise<OperationFile>;
  /** The media type a file endpoint answers, e.g. application/pdf. */
  mediaType?: string;
  /** A streamed export (csv-alternate.ts): every row the query matches, read page by page as it is sent. */
  stream?: (ctx: OperationContext, input: ApiInput) => Promise<CsvExport>;
  /**
   * The same resource in another media type, served instead when the request's Accept prefers
   * it (RFC 9110 §12.5.1): `GET /api/v1/invoices/{id}` with `Accept: application/pdf`.
   */
  alternate?: ApiEndpoint;
}

export interface EndpointOptions {
  tag: string;
  /** The operation's field the path's `{id}` fills, e.g. "client_id". */
  id?: string;
  /**
   * Further path parameters, each named as the operation's field it fills (a nested resource:
   * `/invoices/{id}/payments/{payment_id}` with `{ id: "invoice_id", nested: ["payment_id"] }`).
   */
  nested?: readonly string[];
  /** Operation field → the name this endpoint uses for it, e.g. tag_ids → tag_id (a repeatable query parameter). */
  rename?: Readonly<Record<string, string>>;
  status?: 201 | 204;
  /** Whether a retry with the same Idempotency-Key returns the first response; defaults to the operation's. */
  idempotent?: boolean;
  /** A stricter body than the operation's flat input (one shape per kind), with the same field names. */
  body?: z.ZodType;
  /** A file endpoint serving the same resource in another media type, chosen by the Accept header. */
  alternate?: ApiEndpoint;
  /**
   * Output fields answered inside the single resource's body instead of around it: `overlaps`
   * beside a time entry. The body stays the resource, with one more field (additive for clients).
   */
  beside?: readonly string[];
}

/**
 * `endpoint(createClient, "POST /api/v1/clients", { tag: "Clients", status: 201 })`.
 * GET reads the operation's input (but the path id) from the query string; other methods from a JSON body.
 */
export function endpoint(operation: Operation, route: `${HttpMethod} /api/${string}`, options: EndpointOptions): ApiEndpoint {
  const [method, path] = route.split(" ") as [HttpMethod, string];
  const rename = options.rename ?? {};
  const restName = (field: string) => rename[field] ?? field;
  const nested = options.nested ?? [];
  const fields = Object.entries(operation.input.shape).filter(([field]) => field !== options.id && !nested.includes(field));
  const inputSchema = z.strictObject(Object.fromEntries(fields.map(([field, schema]) => [restName(field), method === "GET" ? queryField(schema as z.ZodType) : schema])));
  const where = method === "GET" ? "query" : "body";
  const { schema: response, body } = responseBody(operation.output, options.beside ?? []);
  const fieldName = (domainKey: string) => operationFieldName(operation, domainKey, restName);
  return {
    operation,
    method,
    path,
    operationId: operation.name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase()),
    summary: operation.title,
    description: operation.description,
    tag: options.tag,
    scope: operation.scope,
    permission: operation.permission,
    access: operation.access,
    params: options.id
      ? z.strictObject({
          id: (operation.input.shape[options.id] as z.ZodType).describe("Resource id"),
          ...Object.fromEntries(nested.map((field) => [field, operation.input.shape[field] as z.ZodType])),
        })
      : undefined,
    query: method === "GET" ? inputSchema : undefined,
    body: method === "GET" || !fields.length ? undefined : (options.body ?? inputSchema),
    response,
    successStatus: options.status ?? 200,
    idempotent: options.idempotent ?? Boolean(operation.idempotencyKey),
    async handle(ctx, input) {
      return body(await requestFields(where, performOperation(operation, ctx, argsOf(input)), fieldName));
    },
    ...(operation.file
      ? {
          mediaType: operation.fileMediaType,
          download: async (ctx: OperationContext, input: ApiInput) => (await requestFields(where, performFileOperation(operation, ctx, argsOf(input)), fieldName)).file,
        }
      : {}),
    ...(options.alternate ? { alternate: options.alternate } : {}),
  };

  function argsOf(input: ApiInput): Record<string, unknown> {
    const given = (method === "GET" ? input.query : input.body) as Record<string, unknown> | undefined;
    const args: Record<string, unknown> = Object.fromEntries(fields.map(([field]) => [field, given?.[restName(field)]]));
    if (options.id) args[options.id] = input.params.id;
    for (const field of nested) args[field] = input.params[field];
    return args;
  }
}

type WireObject = { [key: string]: Wire };

/**
 * A single resource is the body itself (with the `beside` fields in it); a list is `data` (with
 * `next_cursor` when paged); anything else as the operation answers it.
 */
function responseBody(output: z.ZodObject, beside: readonly string[]): { schema: z.ZodType; body: (result: WireObject) => Wire } {
  const keys = Object.keys(output.shape).filter((key) => !beside.includes(key));
  if (beside.length && keys.length === 1 && keys[0] && output.shape[keys[0]] instanceof z.ZodObject) {
    const resource = keys[0];
    const extra = Object.fromEntries(beside.map((key) => [key, output.shape[key] as z.ZodType]));
    return {
      schema: (output.shape[resource] as z.ZodObject).extend(extra),
      body: (result) => ({ ...(result[resource] as WireObject), ...Object.fromEntries(beside.map((key) => [key, result[key] ?? null])) }),
    };
  }
  const [only] = keys;
  const list = keys.find((key) => output.shape[key] instanceof z.ZodArray);
  if (list && (keys.length === 1 || (keys.length === 2 && keys.includes("next_cursor")))) {
    return {
      schema: z.object({ data: output.shape[list] as z.ZodType, ...(keys.length === 2 ? { next_cursor: output.shape.next_cursor as z.ZodType } : {}) }),
      body: (result): Wire => ({ data: result[list] ?? [], ...(keys.length === 2 ? { next_cursor: result.next_cursor ?? null } : {}) }),
    };
  }
  if (keys.length === 1 && only) return { schema: output.shape[only] as z.ZodType, body: (result) => result[only] ?? null };
  return { schema: output, body: (result) => result };
}

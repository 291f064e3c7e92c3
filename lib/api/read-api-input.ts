/**
 * Reads and validates an API request's path parameters, query and JSON body against the
 * endpoint's zod schemas. Every failure is one problem naming each bad field.
 */
import type { z } from "zod";
import { summarizeFieldErrors } from "@/lib/domain/errors";
import { WORDED } from "@/lib/domain/issue-wording";
import { readBoundedText } from "@/lib/http/read-bounded-text";
import type { ApiEndpoint, ApiInput } from "./endpoint";
import { ApiProblem, problem } from "./problem";

export const MAX_API_BODY_BYTES = 64 * 1024;

/** A query parameter that takes one value, given more than once. */
export const REPEATED = "is given more than once; give it once";

export async function readApiInput(
  endpoint: ApiEndpoint,
  request: Request,
  rawParams: Record<string, string | string[] | undefined>,
): Promise<ApiInput> {
  const errors: Record<string, string> = {};
  const params = validate(endpoint.params, rawParams, "path", errors) as Record<string, unknown>;
  const query = validate(endpoint.query, queryObject(new URL(request.url).searchParams), "query", errors) as Record<string, unknown>;
  const body = endpoint.body ? validate(endpoint.body, await readJson(request), "body", errors) : undefined;
  if (Object.keys(errors).length) {
    throw new ApiProblem(problem("validation_failed", summarizeFieldErrors(errors), errors));
  }
  return { params, query, body };
}

function validate(schema: z.ZodType | undefined, value: unknown, where: string, errors: Record<string, string>): unknown {
  if (!schema) return {};
  const result = schema.safeParse(value, WORDED);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) errors[[where, ...issue.path, key].join(".")] ??= "is not a known field";
      continue;
    }
    // A single-valued query parameter given twice reaches its schema as a list: say that, not
    // what each value must be (`?from=2026-11-01&from=2027-01-01` holds two good dates).
    const repeated = where === "query" && issue.path.length === 1 && Array.isArray((value as Record<PropertyKey, unknown>)[issue.path[0] as PropertyKey]);
    errors[[where, ...issue.path].join(".")] ??= repeated ? REPEATED : issue.message;
  }
  return undefined;
}

/** Repeated query parameters become arrays; single ones stay strings. */
function queryObject(search: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(search.keys())) {
    const all = search.getAll(key);
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  // No body at all reads as {}: an action whose fields are all optional needs none. A server
  // may hand over an empty stream rather than none (a bare DELETE), and a client may label an
  // empty body as JSON, so an empty body counts as none whatever its type.
  if (!request.body) return {};
  const body = await readBoundedText(request, MAX_API_BODY_BYTES);
  if ("refused" in body) {
    if (body.refused === "too_large") throw new ApiProblem(problem("payload_too_large", `The request body is larger than ${MAX_API_BODY_BYTES} bytes.`));
    throw new ApiProblem(problem("invalid_request", "The request body is not valid JSON (UTF-8)."));
  }
  if (body.text === "") return {};
  if (type !== "application/json") throw new ApiProblem(problem("unsupported_media_type", "Send the request body as application/json."));
  try {
    return JSON.parse(body.text);
  } catch {
    throw new ApiProblem(problem("invalid_request", "The request body is not valid JSON (UTF-8)."));
  }
}

/**
 * Reads an `application/x-www-form-urlencoded` body, as RFC 6749 §3.2 and RFC 7009 §2.1
 * require for the token and revocation endpoints. Other content types, oversized bodies and
 * repeated parameters (RFC 6749 §3.1) are refused with `invalid_request`.
 */
import { invalidRequest } from "@/lib/oauth/errors";
import { readBoundedText } from "./read-bounded-text";

const MAX_BODY_BYTES = 16 * 1024;

export async function readOAuthForm(request: Request): Promise<Map<string, string>> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    throw invalidRequest("The request body must be application/x-www-form-urlencoded.");
  }
  const body = await readBoundedText(request, MAX_BODY_BYTES);
  if ("refused" in body) throw invalidRequest(body.refused === "too_large" ? "The request body is too large." : "The request body is not valid UTF-8.");
  return uniqueParams(new URLSearchParams(body.text));
}

/** Parameters of a query or form, refusing any that is sent more than once. */
export function uniqueParams(params: URLSearchParams): Map<string, string> {
  const map = new Map<string, string>();
  for (const [key, value] of params) {
    if (map.has(key)) throw invalidRequest(`The ${key} parameter must not be repeated.`);
    if (value !== "") map.set(key, value);
  }
  return map;
}

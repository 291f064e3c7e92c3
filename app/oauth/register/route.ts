/**
 * RFC 7591 §3 client registration endpoint (advertised as `registration_endpoint`). Parse the
 * JSON body → registerClient → 201 with the client information (§3.2.1); errors per §3.2.2.
 */
import { preflight } from "@/lib/http/cors";
import { readBoundedJson } from "@/lib/http/read-bounded-text";
import { callerAddress } from "@/lib/http/caller-address";
import { oauthJson, withOAuthErrors } from "@/lib/http/oauth-response";
import { registerClient } from "@/lib/oauth/clients/register-client";
import { invalidRequest } from "@/lib/oauth/errors";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

export function OPTIONS(): Response {
  return preflight();
}

export const POST = withOAuthErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  return oauthJson(await registerClient(body, callerAddress(request)), 201);
});

/** §3.1: the request is an application/json document; read at most MAX_BODY_BYTES of it. */
async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw invalidRequest("The request body must be application/json.");
  const body = await readBoundedJson(request, MAX_BODY_BYTES);
  if ("json" in body) return body.json;
  throw invalidRequest(body.refused === "too_large" ? "The request body is too large." : "The request body is not valid JSON (UTF-8).");
}

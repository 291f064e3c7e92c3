/**
 * RFC 7591 §3 client registration endpoint (advertised as `registration_endpoint`). Parse the
 * JSON body → registerClient → 201 with the client information (§3.2.1); errors per §3.2.2.
 */
import { preflight } from "@/lib/http/cors";
import { clientAddress, oauthJson, withOAuthErrors } from "@/lib/http/oauth-response";
import { registerClient } from "@/lib/oauth/clients/register-client";
import { invalidRequest } from "@/lib/oauth/errors";

export const dynamic = "force-dynamic";

const MAX_BODY_BYTES = 16 * 1024;

export function OPTIONS(): Response {
  return preflight();
}

export const POST = withOAuthErrors(async (request: Request) => {
  const body = await readJsonBody(request);
  return oauthJson(await registerClient(body, clientAddress(request)), 201);
});

/** §3.1: the request is an application/json document; read at most MAX_BODY_BYTES of it. */
async function readJsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/json") throw invalidRequest("The request body must be application/json.");
  if (Number(request.headers.get("content-length")) > MAX_BODY_BYTES) throw invalidRequest("The request body is too large.");

  // Content-Length may be absent (chunked) or wrong, so count what actually arrives.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body?.getReader();
  while (reader) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      throw invalidRequest("The request body is too large.");
    }
    chunks.push(value);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw invalidRequest("The request body is not valid JSON.");
  }
}

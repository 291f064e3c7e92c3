/**
 * The network address a request came from, for rate limits and audit records.
 *
 * Only addresses we can vouch for count; a header the caller wrote is never believed:
 * - behind a trusted reverse proxy (HOURBOOK_TRUST_PROXY=1): the last X-Forwarded-For entry,
 *   the one our proxy appended (earlier entries are whatever the caller sent);
 * - under `npm start` (scripts/serve.mjs): the connection's peer address, which the server
 *   writes into its own header on every request, overwriting anything the client sent;
 * - otherwise (`next dev`, a bare `next start`): "direct", one shared address.
 */
import { env } from "@/lib/env";

export function callerAddress(request: Request): string {
  if (env.HOURBOOK_TRUST_PROXY === "1") {
    const forwarded = request.headers.get("x-forwarded-for")?.split(",").at(-1)?.trim();
    return forwarded || request.headers.get("x-real-ip")?.trim() || "direct";
  }
  if (env.HOURBOOK_PEER_ADDRESS_HEADER) return request.headers.get(env.HOURBOOK_PEER_ADDRESS_HEADER) || "direct";
  return "direct";
}

/**
 * Whether a connection may make a call right now — one answer for tools/list, tools/call and
 * every REST request: the granted scope (after the workspace's access ceiling) ∩ the member's
 * role ∩ what billing allows, and, once per request, the connection's rate limit. A refusal is
 * a value; each surface renders it in its own error shape (MCP: a tool result or a 403 step-up
 * challenge; REST: a problem document).
 */
import { can } from "@/lib/domain/actor";
import { env } from "@/lib/env";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { consumeBatchedRateLimit } from "@/lib/oauth/rate-limit";
import { scopesAllow, type ResourceKind, type Scope } from "@/lib/domain/integrations/scopes";
import type { Operation } from "./operation";

export type CallRefusal =
  /** The grant lacks `scope`: a client can ask the user for it (step-up, RFC 6750 §3.1 insufficient_scope). */
  | { kind: "scope"; scope: Scope; message: string }
  | { kind: "role"; message: string }
  | { kind: "billing"; message: string };

export type RateRefusal = { kind: "rate_limited"; retryAfterSeconds: number; message: string };

/**
 * @param callName how the caller named the call, for the message: a tool name or "PATCH /api/v1/clients/{id}"
 * @returns null when the call may go ahead
 */
export function checkCall(connection: Connection, operation: Pick<Operation, "scope" | "permission" | "access">, callName: string): CallRefusal | null {
  if (!scopesAllow(connection.scopes, operation.scope)) {
    return { kind: "scope", scope: operation.scope, message: `This connection was not granted ${operation.scope}, which ${callName} needs.` };
  }
  if (operation.permission && !can(connection.actor, operation.permission)) {
    return { kind: "role", message: `Your role in this workspace (${connection.actor.role}) does not allow ${callName}.` };
  }
  if (operation.access !== "read" && connection.writeRefusal) return { kind: "billing", message: connection.writeRefusal };
  return null;
}

/**
 * Counts a request of the connection against its per-minute limit, per grant and surface,
 * shared by every app instance; counts reach the database in batches (RATE_FLUSH_MS), so a
 * request in steady state writes nothing.
 * @param calls how many calls the request makes (the messages of a JSON-RPC batch), 1 by default
 * @param limit calls per minute; HOURBOOK_CONNECTION_RATE_LIMIT unless a test says otherwise
 * @returns null when within the limit, else how long to wait in seconds
 */
export async function checkRate(
  connection: Pick<Connection, "grantId">,
  resource: ResourceKind,
  { calls = 1, limit = env.HOURBOOK_CONNECTION_RATE_LIMIT }: { calls?: number; limit?: number } = {},
): Promise<RateRefusal | null> {
  const rate = await consumeBatchedRateLimit({ name: resource, limit, windowSeconds: 60 }, { kind: "grant", grantId: connection.grantId }, calls);
  if (rate.allowed) return null;
  return { kind: "rate_limited", retryAfterSeconds: rate.retryAfterSeconds, message: `Too many requests; try again in ${rate.retryAfterSeconds} s.` };
}

/**
 * A REST endpoint, declared once: method, path, the scope and role permission it needs, zod
 * schemas for path params, query, body and response, and one call into lib/domain. The
 * route handler (api-route.ts) and the OpenAPI document (openapi.ts) are both built from it.
 */
import type { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { Scope } from "@/lib/domain/integrations/scopes";
import type { Permission } from "@/lib/domain/permissions";
import type { Connection } from "@/lib/integrations/resolve-connection";

export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

export interface ApiContext {
  connection: Connection;
  actor: Actor;
  /**
   * Set when the request carries an Idempotency-Key: the transaction that claims the key and
   * stores the response. The handler's writes go through it, so they commit with the key or not at all.
   */
  tx?: DbTx;
}

export interface ApiInput<P, Q, B> {
  params: P;
  query: Q;
  body: B;
}

export interface ApiEndpoint<P extends z.ZodObject = z.ZodObject, Q extends z.ZodObject = z.ZodObject, B extends z.ZodType = z.ZodType> {
  method: HttpMethod;
  /** OpenAPI path template, e.g. "/api/v1/clients/{id}". */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  scope: Scope;
  permission: Permission | null;
  /** read: allowed while billing is past due; write/admin: not. */
  access: "read" | "write" | "admin";
  params?: P;
  query?: Q;
  body?: B;
  response: z.ZodType;
  successStatus?: 200 | 201 | 204;
  /** POSTs that create something accept an Idempotency-Key header; `handle` then writes through `ctx.tx`. */
  idempotent?: boolean;
  handle: (ctx: ApiContext, input: ApiInput<z.output<P>, z.output<Q>, z.output<B>>) => Promise<unknown>;
}

export function defineEndpoint<P extends z.ZodObject, Q extends z.ZodObject, B extends z.ZodType>(endpoint: ApiEndpoint<P, Q, B>): ApiEndpoint<P, Q, B> {
  return endpoint;
}

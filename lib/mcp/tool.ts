/**
 * What an MCP tool is in Hourbook: a name (public contract), words for the model, zod input
 * and output schemas, the scope and role permission it needs, and one call into lib/domain.
 * No business rule lives in a tool.
 */
import type { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { Scope } from "@/lib/domain/integrations/scopes";
import type { Permission } from "@/lib/domain/permissions";
import type { Connection } from "@/lib/integrations/resolve-connection";

/** read: allowed while billing is past due; write/admin: not. */
export type ToolAccess = "read" | "write" | "admin";

export interface ToolContext {
  connection: Connection;
  actor: Actor;
  /**
   * Set when the call carries an idempotency key: the transaction that claims the key and
   * stores the result. The tool's writes go through it, so they commit with the key or not at all.
   */
  tx?: DbTx;
}

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: false;
}

export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  name: string;
  title: string;
  description: string;
  scope: Scope;
  /** The role permission the domain will check; tools a role cannot use are not listed. */
  permission: Permission | null;
  access: ToolAccess;
  input: I;
  output: O;
  annotations: ToolAnnotations;
  /**
   * Consequential operations answer a first call with what would happen and a one-time
   * confirmation token; only a repeat with that token performs them.
   */
  confirm?: (ctx: ToolContext, input: z.output<I>) => Promise<string>;
  /** Additive writes accept an idempotency key: a retry returns the first result. `run` then writes through `ctx.tx`. */
  acceptsIdempotencyKey?: boolean;
  /** Calls the domain; the result is turned into wire JSON (see wire.ts) and checked against `output`. */
  run: (ctx: ToolContext, input: z.output<I>) => Promise<unknown>;
  /** A short text rendering of the result for clients that show text only. */
  render: (output: z.output<O>) => string;
}

export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: McpTool<I, O>): McpTool<I, O> {
  return tool;
}

export const READ_ONLY: ToolAnnotations = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const ADDITIVE: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false };
export const UPDATING: ToolAnnotations = { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false };
export const DESTRUCTIVE: ToolAnnotations = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false };

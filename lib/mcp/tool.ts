/**
 * An MCP tool: an operation (lib/operations) as tools/list shows it and tools/call runs it.
 * The operation gives the name, words, scope, permission and schemas; the tool adds only
 * what is MCP's: the annotations (hints) that follow from the operation's effect, the
 * sentences about confirmation and idempotency_key, and a short text rendering of the result.
 */
import type { z } from "zod";
import type { Effect, Operation, OperationContext } from "@/lib/operations/operation";

/** What a tool runs with: the live connection, its actor, and the keyed call's transaction. */
export type ToolContext = OperationContext;

export interface ToolAnnotations {
  readOnlyHint: boolean;
  destructiveHint: boolean;
  idempotentHint: boolean;
  openWorldHint: false;
}

export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> extends Operation<I, O> {
  annotations: ToolAnnotations;
  /** Additive writes accept an idempotency_key: a retry returns the first result. */
  acceptsIdempotencyKey: boolean;
  /** A short text rendering of the result for clients that show text only. */
  render: (output: z.output<O>) => string;
}

/** MCP tool annotations (MCP tools: "Tool Annotations") for each effect; no tool reaches outside Hourbook. */
const ANNOTATIONS: Record<Effect, ToolAnnotations> = {
  read: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  additive: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false },
  updating: { readOnlyHint: false, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  destructive: { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: false },
};

const CONFIRMATION =
  "Consequential: the first call changes nothing and returns a summary and a confirmation_token; confirm with the user, then call again with the same arguments and the token. When the answer carries an approval_url, the user must approve the action there first.";
const IDEMPOTENCY = "Accepts an idempotency_key: a retried call with the same key returns the first result instead of doing it twice.";

export function tool<I extends z.ZodObject, O extends z.ZodObject>(operation: Operation<I, O>, render: (output: z.output<O>) => string): McpTool<I, O> {
  const acceptsIdempotencyKey = Boolean(operation.idempotencyKey);
  return {
    ...operation,
    description: [operation.description, ...(operation.confirm ? [CONFIRMATION] : []), ...(acceptsIdempotencyKey ? [IDEMPOTENCY] : [])].join(" "),
    annotations: ANNOTATIONS[operation.effect],
    acceptsIdempotencyKey,
    render,
  };
}

/**
 * The schemas a tool is published with: its own input plus the framework's optional
 * `confirmation_token` / `idempotency_key`, and for consequential tools an output that is
 * either "confirmation required" or "done" with the tool's own result.
 */
import { z } from "zod";
import type { McpTool } from "./tool";

export const IdempotencyKey = z
  .string()
  .min(8, "must be at least 8 characters")
  .max(200)
  .regex(/^[\x21-\x7e]+$/, "must be printable ASCII without spaces")
  .describe("Optional. A unique key (e.g. a UUID) for this write. Retrying with the same key and arguments returns the first result instead of writing twice.");

export const ConfirmationTokenInput = z
  .string()
  .max(100)
  .describe("Leave out on the first call: the tool then changes nothing and returns a summary and a confirmation_token. Repeat the call with the same arguments and that token to perform it.");

export function publishedInput(tool: McpTool): z.ZodObject {
  let schema: z.ZodObject = tool.input;
  if (tool.confirm) schema = schema.extend({ confirmation_token: ConfirmationTokenInput.optional() });
  if (tool.acceptsIdempotencyKey) schema = schema.extend({ idempotency_key: IdempotencyKey.optional() });
  return schema.strict();
}

export function confirmationOutput(result: z.ZodObject) {
  return z.object({
    status: z.enum(["confirmation_required", "done"]),
    summary: z.string(),
    confirmation_token: z.string().optional(),
    expires_at: z.string().optional(),
    result: result.optional(),
  });
}

export function publishedOutput(tool: McpTool): z.ZodObject {
  return tool.confirm ? confirmationOutput(tool.output) : tool.output;
}

export function jsonSchemaOf(schema: z.ZodObject, io: "input" | "output"): { type: "object"; [key: string]: unknown } {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return { ...json, type: "object" };
}

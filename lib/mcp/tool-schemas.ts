/**
 * The schemas a tool is published with: its own input plus the framework's optional
 * `confirmation_token` / `idempotency_key`, and for consequential tools an output that is
 * "confirmation required", "approval pending" (the person has yet to approve it in Hourbook) or
 * "done" with the tool's own result.
 */
import { z } from "zod";
import { IDEMPOTENCY_KEY_PATTERN, IDEMPOTENCY_KEY_RULE } from "@/lib/integrations/idempotency-key";
import type { McpTool } from "./tool";

export const IdempotencyKey = z
  .string()
  .regex(IDEMPOTENCY_KEY_PATTERN, `must be ${IDEMPOTENCY_KEY_RULE}`)
  .describe("Optional. A unique key (e.g. a UUID) for this write. Retrying with the same key and arguments returns the first result instead of writing twice.");

export const ConfirmationTokenInput = z
  .string()
  .max(100)
  .describe("Leave out on the first call: the tool then changes nothing and returns a summary and a confirmation_token. Repeat the call with the same arguments and that token to perform it.");

// Tools are static: their published schemas are built once, not on every request.
const inputs = new WeakMap<McpTool, z.ZodObject>();
const listings = new WeakMap<McpTool, ToolListing>();

export function publishedInput(tool: McpTool): z.ZodObject {
  let schema = inputs.get(tool);
  if (!schema) {
    schema = tool.input;
    if (tool.confirm) schema = schema.extend({ confirmation_token: ConfirmationTokenInput.optional() });
    if (tool.acceptsIdempotencyKey) schema = schema.extend({ idempotency_key: IdempotencyKey.optional() });
    schema = schema.strict();
    inputs.set(tool, schema);
  }
  return schema;
}

export interface ToolListing {
  name: string;
  title: string;
  description: string;
  inputSchema: { type: "object"; [key: string]: unknown };
  outputSchema: { type: "object"; [key: string]: unknown };
  annotations: Record<string, unknown>;
}

/** The tool as tools/list describes it (JSON Schemas generated once per tool). */
export function toolListing(tool: McpTool): ToolListing {
  let listing = listings.get(tool);
  if (!listing) {
    listing = {
      name: tool.name,
      title: tool.title,
      description: tool.description,
      inputSchema: jsonSchemaOf(publishedInput(tool), "input"),
      outputSchema: jsonSchemaOf(publishedOutput(tool), "output"),
      annotations: { title: tool.title, ...tool.annotations },
    };
    listings.set(tool, listing);
  }
  return listing;
}

export function confirmationOutput(result: z.ZodObject) {
  return z.object({
    status: z.enum(["confirmation_required", "approval_pending", "done"]),
    summary: z.string(),
    confirmation_token: z.string().optional(),
    expires_at: z.string().optional(),
    /** Where the person approves the action in Hourbook, when the workspace's policy asks for that. */
    approval_url: z.string().optional(),
    result: result.optional(),
  });
}

const outputs = new WeakMap<McpTool, z.ZodObject>();

export function publishedOutput(tool: McpTool): z.ZodObject {
  let schema = outputs.get(tool);
  if (!schema) {
    schema = tool.confirm ? confirmationOutput(tool.output) : tool.output;
    outputs.set(tool, schema);
  }
  return schema;
}

export function jsonSchemaOf(schema: z.ZodObject, io: "input" | "output"): { type: "object"; [key: string]: unknown } {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete json.$schema;
  return { ...json, type: "object" };
}

/**
 * checkCall (lib/operations/check-call.ts) once per tool and request: tools/list, the step-up
 * pre-check and tools/call of one HTTP request share the answers.
 */
import { checkCall, type CallRefusal } from "@/lib/operations/check-call";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import type { McpTool } from "./tool";

export type CallCheck = (tool: McpTool) => CallRefusal | null;

export function callChecks(connection: Connection): CallCheck {
  const answers = new Map<McpTool, CallRefusal | null>();
  return (tool) => {
    if (!answers.has(tool)) answers.set(tool, checkCall(connection, tool, tool.name));
    return answers.get(tool) ?? null;
  };
}

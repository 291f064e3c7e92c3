/**
 * One tools/call: refuse what checkCall refused, validate arguments, run the two-step confirmation and
 * the idempotency key where the tool has them, call the domain, and shape the result.
 * Invalid arguments and domain refusals come back as `isError` results a model can act on;
 * nothing is changed by them.
 */
import type { CallToolResult, InputRequiredResult } from "@modelcontextprotocol/server";
import type { z } from "zod";
import type { DbTx } from "@/lib/db";
import { bestEffortWrite, storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";
import { isDomainError, renameFieldErrors } from "@/lib/domain/errors";
import { WORDED } from "@/lib/domain/issue-wording";
import { withIdempotencyKey } from "@/lib/integrations/idempotency";
import { recordActivity } from "@/lib/integrations/record-activity";
import type { CallRefusal } from "@/lib/operations/check-call";
import { operationFieldName } from "@/lib/operations/field-names";
import { performFileOperation, performOperation, type OperationContext, type WireObject } from "@/lib/operations/operation";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { confirmByElicitation, type ElicitationRound } from "./confirm-by-elicitation";
import { consumeConfirmation, findPendingApproval, issueConfirmation } from "./confirmation";
import type { McpTool } from "./tool";
import { publishedInput } from "./tool-schemas";

/**
 * @param refusal what checkCall answered for this tool and connection in this request
 * @param elicitation set for a 2026-07-28 client that declared form elicitation: it confirms through `input_required`
 */
export async function callTool(
  tool: McpTool,
  connection: Connection,
  rawArguments: unknown,
  refusal: CallRefusal | null,
  elicitation?: ElicitationRound,
): Promise<CallToolResult | InputRequiredResult> {
  if (refusal) {
    await recordActivity(connection.grantId, "tool", tool.name, "denied", refusal.message);
    return errorResult(refusal.message);
  }
  const parsed = publishedInput(tool).safeParse(rawArguments ?? {}, WORDED);
  if (!parsed.success) {
    const message = `Invalid arguments for ${tool.name}: ${describeIssues(parsed.error)}`;
    await recordActivity(connection.grantId, "tool", tool.name, "error", message);
    return errorResult(message);
  }
  const { confirmation_token: givenToken, idempotency_key: idempotencyKey, ...args } = parsed.data as Record<string, unknown>;
  const ctx: OperationContext = { connection, actor: connection.actor };

  try {
    let confirmationToken = givenToken;
    if (tool.confirm && elicitation && typeof givenToken !== "string") {
      const confirmed = await confirmByElicitation(ctx, tool, args, elicitation);
      if ("answer" in confirmed) return confirmed.answer;
      confirmationToken = confirmed.token;
    }
    if (tool.confirm && typeof confirmationToken !== "string") {
      const summary = await tool.confirm(ctx, args);
      const confirmation = await issueConfirmation(ctx, tool.name, args, summary);
      await recordActivity(connection.grantId, "tool", tool.name, "ok", `${confirmation.approval_url ? "approval" : "confirmation"} requested: ${summary}`);
      const next = `call ${tool.name} again with the same arguments and confirmation_token "${confirmation.confirmation_token}" (valid 5 minutes)`;
      const text = confirmation.approval_url
        ? `Nothing has been done yet. ${summary}? This workspace has the person approve this in Hourbook: ask them to open ${confirmation.approval_url} and approve it, then ${next}. Until they approve, that call answers "waiting for approval".`
        : `Nothing has been done yet. ${summary}? To go ahead, ${next}. Ask the user first.`;
      return { content: [{ type: "text", text }], structuredContent: { status: "confirmation_required", summary, ...confirmation } };
    }
    if (tool.confirm && typeof confirmationToken === "string") {
      // Waiting for the person is an answer, not a failure: the token stays usable until it expires.
      const pending = await findPendingApproval(ctx, tool.name, args, confirmationToken);
      if (pending) {
        await recordActivity(connection.grantId, "tool", tool.name, "ok", "waiting for approval");
        const text = `Waiting for approval. Nothing has been done yet: the person has not approved "${pending.summary}" in Hourbook. Ask them to open ${pending.approval_url} and approve it, then call ${tool.name} again with the same arguments and the same confirmation_token (valid until ${pending.expires_at}).`;
        return { content: [{ type: "text", text }], structuredContent: { status: "approval_pending", ...pending } };
      }
    }
    if (tool.file) {
      // A document (MCP tools: "Embedded Resources"): the bytes as a blob resource, beside the
      // JSON that describes them and a line of text for clients that show text only.
      const { file, output } = await performFileOperation(tool, ctx, args);
      await recordActivity(connection.grantId, "tool", tool.name, "ok");
      return {
        content: [
          { type: "text", text: tool.render(output as z.output<typeof tool.output>) },
          { type: "resource", resource: { uri: file.uri, mimeType: file.mediaType, blob: Buffer.from(file.data).toString("base64") } },
        ],
        structuredContent: output,
      };
    }
    // The token is consumed inside `perform`, i.e. after the idempotency key is claimed: a
    // retry of a confirmed call with the same key replays the first result instead of
    // failing on the token that call already used. With a key, `tx` is the transaction that
    // claims it: the token, the write and the audit event commit with the key or not at all.
    const perform = async (tx?: DbTx): Promise<WireObject> => {
      const performing: OperationContext = tx ? { ...ctx, tx } : ctx;
      if (tool.confirm && typeof confirmationToken === "string") await consumeConfirmation(performing, tool.name, args, confirmationToken);
      const performed = await performOperation(tool, performing, args);
      // Consequential operations go in the workspace's audit log; inside `perform`, so a
      // replay of the same idempotency key is not logged twice. The operation itself is done
      // by now, so a log line storage refuses must not turn it into a reported failure.
      if (tool.confirm) {
        const summary = tool.render(performed as z.output<typeof tool.output>);
        const audit = { type: "mcp.consequential", workspaceId: connection.actor.workspaceId, userId: connection.userId, clientId: connection.clientId, grantId: connection.grantId, detail: { tool: tool.name, summary } } as const;
        // With a key, the audit line commits with the operation; without one, the operation
        // has already committed and a line storage refuses must not report it as failed.
        if (tx) await recordAuditEvent(audit, tx);
        else await bestEffortWrite("the audit line of an MCP operation", () => recordAuditEvent(audit));
      }
      return performed;
    };
    const output =
      tool.acceptsIdempotencyKey && typeof idempotencyKey === "string"
        ? (await withIdempotencyKey({ grantId: connection.grantId, operation: `mcp:${tool.name}`, key: idempotencyKey, arguments: args }, perform)).result
        : await perform();
    await recordActivity(connection.grantId, "tool", tool.name, "ok");
    const text = tool.render(output as z.output<typeof tool.output>);
    return {
      content: [{ type: "text", text }],
      structuredContent: tool.confirm ? { status: "done", summary: text, result: output } : output,
    };
  } catch (error) {
    // A write storage refused is a tool execution error (MCP tools: "Error Handling"): the model
    // can tell the user why and try again later, exactly as with a domain refusal.
    const storage = storageUnavailableOf(error);
    if (storage) {
      const message = `${tool.name} was not carried out. ${storageUnavailableMessage(storage)}`;
      await recordActivity(connection.grantId, "tool", tool.name, "error", message);
      return errorResult(message);
    }
    if (!isDomainError(error)) throw error;
    // The domain names fields by its input names (membershipId); the model gave the tool's (member_id).
    const { message } = renameFieldErrors(error, (domainKey) => operationFieldName(tool, domainKey));
    await recordActivity(connection.grantId, "tool", tool.name, "error", message);
    return errorResult(message);
  }
}

function errorResult(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.join(".");
      if (issue.code === "unrecognized_keys") return `unknown argument${issue.keys.length > 1 ? "s" : ""} ${issue.keys.join(", ")}`;
      return path ? `${path}: ${issue.message}` : issue.message;
    })
    .join("; ");
}

/**
 * Confirmation a person answers in the client, for 2026-07-28 clients that declare form
 * elicitation (MCP 2026-07-28, basic/patterns/mrtr and client/elicitation). The first call of a
 * consequential tool changes nothing: it issues today's single-use confirmation row
 * (confirmation.ts: 5 minutes, bound to grant, user, tool and argument hash) and answers
 * `input_required` with a yes/no elicitation showing the summary, plus a `requestState` that
 * carries the row's token, sealed with a server secret (HMAC, createRequestStateCodec) and bound
 * to grant, user, tool and argument hash. Only the retry that carries the person's "yes" and
 * that state consumes the row; a retry with the state alone (a client may resend it without
 * asking anyone) is asked again, never performed.
 */
import { createHmac } from "node:crypto";
import {
  CLIENT_CAPABILITIES_META_KEY,
  type CallToolResult,
  createRequestStateCodec,
  inputRequired,
  type InputRequiredResult,
  inputResponse,
  type RequestStateCodec,
  type ServerContext,
} from "@modelcontextprotocol/server";
import { z } from "zod";
import { isDomainError } from "@/lib/domain/errors";
import { persistentSecret } from "@/lib/env";
import { canonicalHash } from "@/lib/integrations/canonical-hash";
import { recordActivity } from "@/lib/integrations/record-activity";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { CONFIRMATION_TTL_SECONDS, consumeConfirmation, issueConfirmation } from "./confirmation";
import type { McpTool, ToolContext } from "./tool";

/** The key of the one input request: the person's yes or no. */
const CONFIRM = "confirm";
const Answer = z.object({ confirm: z.boolean() });

/** What the sealed requestState carries: the confirmation row's token and what it was issued for. */
interface SealedConfirmation {
  token: string;
  tool: string;
  argumentsHash: string;
}

/** What a tools/call round brings for confirming by elicitation. */
export interface ElicitationRound {
  inputResponses: Record<string, unknown> | undefined;
  /** The verified, decoded requestState (the codec's verify ran before the handler), if any. */
  state: SealedConfirmation | undefined;
  codec: RequestStateCodec<SealedConfirmation>;
  ctx: ServerContext;
}

/** The HMAC key of requestState: derived from the app's persistent secret, separate from its other uses. */
let sealingKey: Buffer | undefined;
function requestStateKey(): Buffer {
  sealingKey ??= createHmac("sha256", persistentSecret("HOURBOOK_ENCRYPTION_SECRET")).update("hourbook/mcp/requestState").digest();
  return sealingKey;
}

/** The requestState codec of one connection: a state minted for one grant and user is refused for any other. */
export function requestStateCodec(connection: Connection): RequestStateCodec<SealedConfirmation> {
  return createRequestStateCodec<SealedConfirmation>({
    key: requestStateKey(),
    ttlSeconds: CONFIRMATION_TTL_SECONDS,
    bind: () => `${connection.grantId}\0${connection.userId}`,
  });
}

/** A 2026-07-28 request whose client declared form elicitation (an empty `elicitation` object means form). */
export function declaresFormElicitation(ctx: ServerContext): boolean {
  const capabilities = (ctx.mcpReq.envelope as Record<string, unknown> | undefined)?.[CLIENT_CAPABILITIES_META_KEY];
  const elicitation = capabilities && typeof capabilities === "object" ? (capabilities as { elicitation?: unknown }).elicitation : undefined;
  if (!elicitation || typeof elicitation !== "object") return false;
  return Object.keys(elicitation).length === 0 || "form" in elicitation;
}

/**
 * The token of the confirmation the person just gave, or the answer to send instead: a new
 * `input_required` (first call, a retry without the person's answer, a state for other
 * arguments) or, when they said no, a result saying nothing was done.
 */
export async function confirmByElicitation(
  toolCtx: ToolContext,
  tool: McpTool,
  args: Record<string, unknown>,
  round: ElicitationRound,
): Promise<{ token: string } | { answer: CallToolResult | InputRequiredResult }> {
  const { grantId } = toolCtx.connection;
  const argumentsHash = canonicalHash(args);
  const sealed = round.state && round.state.tool === tool.name && round.state.argumentsHash === argumentsHash ? round.state : undefined;
  const response = inputResponse(round.inputResponses, CONFIRM);
  if (sealed && response.kind === "elicit") {
    const answer = response.action === "accept" ? Answer.safeParse(response.content) : undefined;
    if (answer?.success && answer.data.confirm) return { token: sealed.token };
    // A "no" is final: spend the confirmation, so the same requestState cannot come back with a "yes".
    await consumeConfirmation(toolCtx, tool.name, args, sealed.token).catch((error: unknown) => {
      if (!isDomainError(error)) throw error;
    });
    await recordActivity(grantId, "tool", tool.name, "denied", "the person did not confirm");
    return { answer: { content: [{ type: "text", text: `Nothing has been done: the user did not confirm ${tool.name}.` }], isError: true } };
  }

  const summary = await tool.confirm!(toolCtx, args);
  // The person answers in the client: no approval in Hourbook on top (the workspace policy is for clients that cannot ask).
  const { confirmation_token: token } = await issueConfirmation(toolCtx, tool.name, args, summary, { approval: false });
  await recordActivity(grantId, "tool", tool.name, "ok", `confirmation asked of the user: ${summary}`);
  return {
    answer: inputRequired({
      inputRequests: {
        [CONFIRM]: inputRequired.elicit({
          message: `${summary}?`,
          requestedSchema: {
            type: "object",
            properties: { [CONFIRM]: { type: "boolean", title: "Go ahead", description: summary } },
            required: [CONFIRM],
          },
        }),
      },
      requestState: await round.codec.mint({ token, tool: tool.name, argumentsHash }, round.ctx),
    }),
  };
}

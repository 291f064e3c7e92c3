/**
 * Two-step confirmation for consequential tools. The first call (no token) changes nothing
 * and returns what would happen plus a one-time token bound to the grant, user, workspace,
 * tool and canonical arguments, valid 5 minutes. The repeat with the token performs once:
 * the token is consumed with a conditional update, so concurrent repeats cannot both win.
 */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { conflict, invalidInput } from "@/lib/domain/errors";
import { canonicalHash } from "@/lib/integrations/canonical-hash";
import { hashToken, newOpaqueToken } from "@/lib/oauth/secrets";
import type { ToolContext } from "./tool";

export const CONFIRMATION_TTL_SECONDS = 5 * 60;
const PREFIX = "hbcf_";

export interface ConfirmationRequest {
  confirmation_token: string;
  expires_at: string;
}

export async function issueConfirmation(ctx: ToolContext, tool: string, args: unknown, summary: string): Promise<ConfirmationRequest> {
  const token = newOpaqueToken(PREFIX, 24);
  const expiresAt = new Date(now().getTime() + CONFIRMATION_TTL_SECONDS * 1000);
  await db.confirmationToken.create({
    data: {
      tokenHash: hashToken(token),
      grantId: ctx.connection.grantId,
      userId: ctx.actor.userId,
      workspaceId: ctx.actor.workspaceId,
      tool,
      argumentsHash: canonicalHash(args),
      summary,
      expiresAt,
    },
  });
  await db.confirmationToken.deleteMany({ where: { expiresAt: { lt: new Date(now().getTime() - 24 * 3600 * 1000) } } });
  return { confirmation_token: token, expires_at: expiresAt.toISOString() };
}

/**
 * Consumes the token for exactly this call, or explains why it cannot be used. Inside a keyed
 * call (`ctx.tx`) the consumption commits with the key, so a crash before the commit leaves
 * the token usable for the retry.
 */
export async function consumeConfirmation(ctx: ToolContext, tool: string, args: unknown, token: string): Promise<void> {
  const tokenHash = hashToken(token);
  const at = now();
  const { count } = await (ctx.tx ?? db).confirmationToken.updateMany({
    where: {
      tokenHash,
      grantId: ctx.connection.grantId,
      userId: ctx.actor.userId,
      workspaceId: ctx.actor.workspaceId,
      tool,
      argumentsHash: canonicalHash(args),
      consumedAt: null,
      expiresAt: { gt: at },
    },
    data: { consumedAt: at },
  });
  if (count === 1) return;
  throw await whyUnusable(ctx, tool, tokenHash, at);
}

async function whyUnusable(ctx: ToolContext, tool: string, tokenHash: string, now: Date) {
  const row = await (ctx.tx ?? db).confirmationToken.findUnique({ where: { tokenHash } });
  const again = `Call ${tool} again without confirmation_token to get a new one.`;
  if (!row || row.grantId !== ctx.connection.grantId || row.userId !== ctx.actor.userId || row.workspaceId !== ctx.actor.workspaceId) {
    return invalidInput(`This confirmation_token is not valid for this connection. ${again}`, { confirmation_token: "is not valid" });
  }
  if (row.tool !== tool) return invalidInput(`This confirmation_token was issued for ${row.tool}, not ${tool}. ${again}`, { confirmation_token: "is for another tool" });
  if (row.consumedAt) return conflict(`This confirmation_token was already used. ${again}`);
  if (row.expiresAt <= now) return invalidInput(`This confirmation_token has expired (they last 5 minutes). ${again}`, { confirmation_token: "has expired" });
  // Every other condition of the consuming update holds, so the arguments are what differ.
  return invalidInput(`The arguments differ from the ones that were confirmed ("${row.summary}"). ${again}`, { confirmation_token: "was issued for other arguments" });
}

/**
 * Two-step confirmation for consequential tools. The first call (no token) changes nothing
 * and returns what would happen plus a one-time token bound to the grant, user, workspace,
 * tool and canonical arguments, valid 5 minutes. The repeat with the token performs once:
 * the token is consumed with a conditional update, so concurrent repeats cannot both win.
 *
 * Where the workspace's policy says so (lib/domain/approvals), the token also waits for the
 * person: the first call asks for an approval in Hourbook (Account → Approvals) and hands out
 * its link, and the token is consumed only together with the check that the approval was
 * given. Until then a repeat is told to wait; a denied or expired approval kills the token.
 */
import { db } from "@/lib/db";
import { now } from "@/lib/domain/clock";
import { requestApproval } from "@/lib/domain/approvals/request-approval";
import { requiresApproval } from "@/lib/domain/approvals/requires-approval";
import { approvalUrl } from "@/lib/domain/approvals/approval-view";
import { conflict, forbidden, invalidInput } from "@/lib/domain/errors";
import { canonicalHash } from "@/lib/integrations/canonical-hash";
import { hashToken, newOpaqueToken } from "@/lib/oauth/secrets";
import type { ToolContext } from "./tool";

export const CONFIRMATION_TTL_SECONDS = 5 * 60;
const PREFIX = "hbcf_";

export interface ConfirmationRequest {
  confirmation_token: string;
  expires_at: string;
  /** Present when the person must approve the action in Hourbook before the token works. */
  approval_url?: string;
}

/**
 * @param options.approval whether the person must also approve in Hourbook; by default what
 *   the workspace's policy says for this tool (a caller that had the person confirm in the
 *   client itself, e.g. by elicitation, passes false)
 */
export async function issueConfirmation(ctx: ToolContext, tool: string, args: unknown, summary: string, options: { approval?: boolean } = {}): Promise<ConfirmationRequest> {
  const token = newOpaqueToken(PREFIX, 24);
  const expiresAt = new Date(now().getTime() + CONFIRMATION_TTL_SECONDS * 1000);
  const approval = options.approval ?? (await requiresApproval(ctx.actor.workspaceId, tool));
  const binding = { grantId: ctx.connection.grantId, userId: ctx.actor.userId, workspaceId: ctx.actor.workspaceId };
  const approvalLink = await db.$transaction(async (tx) => {
    const row = await tx.confirmationToken.create({ data: { tokenHash: hashToken(token), ...binding, tool, argumentsHash: canonicalHash(args), summary, expiresAt } });
    if (!approval) return null;
    const { connection } = ctx;
    return (await requestApproval({ confirmationId: row.id, ...binding, clientId: connection.clientId, appName: connection.clientName, operation: tool, summary, expiresAt }, tx)).url;
  });
  await db.confirmationToken.deleteMany({ where: { expiresAt: { lt: new Date(now().getTime() - 24 * 3600 * 1000) } } });
  return { confirmation_token: token, expires_at: expiresAt.toISOString(), ...(approvalLink ? { approval_url: approvalLink } : {}) };
}

/** The approval a valid, unused, unexpired token still waits for, or null when it waits for nothing. */
export async function findPendingApproval(ctx: ToolContext, tool: string, args: unknown, token: string): Promise<{ summary: string; approval_url: string; expires_at: string } | null> {
  const row = await db.confirmationToken.findFirst({
    where: { ...usableBy(ctx, tool, args, token, now()), approval: { is: { status: "pending" } } },
    select: { summary: true, expiresAt: true, approval: { select: { id: true } } },
  });
  return row?.approval ? { summary: row.summary, approval_url: approvalUrl(row.approval.id), expires_at: row.expiresAt.toISOString() } : null;
}

/** The token, for this caller and call, unused and unexpired. */
function usableBy(ctx: ToolContext, tool: string, args: unknown, token: string, at: Date) {
  return {
    tokenHash: hashToken(token),
    grantId: ctx.connection.grantId,
    userId: ctx.actor.userId,
    workspaceId: ctx.actor.workspaceId,
    tool,
    argumentsHash: canonicalHash(args),
    consumedAt: null,
    expiresAt: { gt: at },
  };
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
    // A token that waits for the person's approval is consumed only once it was approved.
    where: { ...usableBy(ctx, tool, args, token, at), OR: [{ approval: { is: null } }, { approval: { is: { status: "approved" } } }] },
    data: { consumedAt: at },
  });
  if (count === 1) return;
  throw await whyUnusable(ctx, tool, args, tokenHash, at);
}

async function whyUnusable(ctx: ToolContext, tool: string, args: unknown, tokenHash: string, now: Date) {
  const row = await (ctx.tx ?? db).confirmationToken.findUnique({ where: { tokenHash }, include: { approval: { select: { id: true, status: true } } } });
  const again = `Call ${tool} again without confirmation_token to get a new one.`;
  if (!row || row.grantId !== ctx.connection.grantId || row.userId !== ctx.actor.userId || row.workspaceId !== ctx.actor.workspaceId) {
    return invalidInput(`This confirmation_token is not valid for this connection. ${again}`, { confirmation_token: "is not valid" });
  }
  if (row.tool !== tool) return invalidInput(`This confirmation_token was issued for ${row.tool}, not ${tool}. ${again}`, { confirmation_token: "is for another tool" });
  if (row.consumedAt) return conflict(`This confirmation_token was already used. ${again}`);
  if (row.approval?.status === "denied") return forbidden(`The person denied this in Hourbook ("${row.summary}"), so nothing was done and this confirmation_token cannot be used.`);
  if (row.expiresAt <= now) {
    const unapproved = row.approval?.status === "pending" ? " before the person approved it in Hourbook" : "";
    return invalidInput(`This confirmation_token has expired${unapproved} (they last 5 minutes). ${again}`, { confirmation_token: "has expired" });
  }
  if (row.argumentsHash === canonicalHash(args) && row.approval?.status === "pending") {
    return conflict(`Waiting for approval: the person has not approved "${row.summary}" in Hourbook yet (${approvalUrl(row.approval.id)}). Nothing was done.`);
  }
  // Every other condition of the consuming update holds, so the arguments are what differ.
  return invalidInput(`The arguments differ from the ones that were confirmed ("${row.summary}"). ${again}`, { confirmation_token: "was issued for other arguments" });
}

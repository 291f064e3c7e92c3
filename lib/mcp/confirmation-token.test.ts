/**
 * The confirmation token itself, without MCP around it: what it is bound to, how long it
 * lasts, that it is used once, and why a token that cannot be used is refused. The tools'
 * two-step flow over MCP is confirmation.test.ts.
 */
import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setClock } from "@/lib/domain/clock";
import { isDomainError } from "@/lib/domain/errors";
import type { Connection } from "@/lib/oauth/protected-resource/resolve-connection";
import { hashToken } from "@/lib/oauth/secrets";
import { CONFIRMATION_TTL_SECONDS, consumeConfirmation, issueConfirmation } from "./confirmation";
import type { ToolContext } from "./tool";

/** A caller's context: its own grant, user and workspace unless told otherwise. */
function context(ids: Partial<{ grantId: string; userId: string; workspaceId: string }> = {}): ToolContext {
  const grantId = ids.grantId ?? `grant-${randomUUID()}`;
  const userId = ids.userId ?? `user-${randomUUID()}`;
  const workspaceId = ids.workspaceId ?? `workspace-${randomUUID()}`;
  const actor = { userId, workspaceId, membershipId: `membership-${userId}`, role: "owner" as const };
  const connection: Connection = {
    grantId,
    clientId: "client",
    clientName: "Test Assistant",
    userId,
    workspaceName: "Workspace",
    actor,
    scopes: ["hourbook:write"],
    writeRefusal: null,
  };
  return { connection, actor };
}

const ARGS = { invoice_id: "inv_1", amount: 5_000 };
const T0 = new Date("2030-01-01T12:00:00.000Z");

afterEach(() => setClock(null));

/** The error `consumeConfirmation` throws, or null when it consumed the token. */
const refusal = (ctx: ToolContext, tool: string, args: unknown, token: string) =>
  consumeConfirmation(ctx, tool, args, token).then(
    () => null,
    (error: unknown) => {
      if (!isDomainError(error)) throw error;
      return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    },
  );

const rowOf = (token: string) => db.confirmationToken.findUniqueOrThrow({ where: { tokenHash: hashToken(token) } });

describe("issueConfirmation", () => {
  it("hands out a prefixed one-time token valid for five minutes, bound to the caller and the call, storing only its hash", async () => {
    setClock(() => T0);
    const ctx = context();
    const issued = await issueConfirmation(ctx, "record_invoice_payment", ARGS, "Record a payment of €50.00");
    expect(issued.confirmation_token).toMatch(/^hbcf_[A-Za-z0-9_-]{32}$/);
    expect(issued.expires_at).toBe(new Date(T0.getTime() + CONFIRMATION_TTL_SECONDS * 1000).toISOString());
    expect(CONFIRMATION_TTL_SECONDS).toBe(300);
    expect(await rowOf(issued.confirmation_token)).toMatchObject({
      grantId: ctx.connection.grantId,
      userId: ctx.actor.userId,
      workspaceId: ctx.actor.workspaceId,
      tool: "record_invoice_payment",
      summary: "Record a payment of €50.00",
      expiresAt: new Date(issued.expires_at),
      consumedAt: null,
    });
    expect(await db.confirmationToken.count({ where: { tokenHash: issued.confirmation_token } })).toBe(0);
  });

  it("hands out a different token each time", async () => {
    const ctx = context();
    const a = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const b = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    expect(a.confirmation_token).not.toBe(b.confirmation_token);
  });

  it("clears tokens expired for more than a day, keeping recently expired ones so their refusal can say why", async () => {
    const ctx = context();
    setClock(() => new Date(T0.getTime() - 2 * 24 * 3600 * 1000));
    await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    setClock(() => new Date(T0.getTime() - 60 * 60 * 1000));
    const recent = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    setClock(() => T0);
    const live = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const left = await db.confirmationToken.findMany({ where: { grantId: ctx.connection.grantId }, select: { tokenHash: true } });
    expect(left.map((row) => row.tokenHash).sort()).toEqual([hashToken(recent.confirmation_token), hashToken(live.confirmation_token)].sort());
    expect(await refusal(ctx, "send_invoice", ARGS, recent.confirmation_token)).toMatchObject({ code: "invalid_input", message: expect.stringMatching(/expired/) });
  });
});

describe("consumeConfirmation", () => {
  it("consumes the token once, for exactly the call it was issued for, recording when", async () => {
    setClock(() => T0);
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "send_invoice", ARGS, "Send invoice INV-1");
    setClock(() => new Date(T0.getTime() + 1000));
    // Key order does not matter: the arguments are compared canonically.
    expect(await refusal(ctx, "send_invoice", { amount: 5_000, invoice_id: "inv_1" }, token)).toBeNull();
    expect((await rowOf(token)).consumedAt).toEqual(new Date(T0.getTime() + 1000));
    expect(await refusal(ctx, "send_invoice", ARGS, token)).toEqual({
      code: "conflict",
      message: "This confirmation_token was already used. Call send_invoice again without confirmation_token to get a new one.",
      fieldErrors: {},
    });
  });

  it("honours the token until its last millisecond and refuses it from the moment it expires", async () => {
    setClock(() => T0);
    const ctx = context();
    const early = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const late = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const expiresAt = T0.getTime() + CONFIRMATION_TTL_SECONDS * 1000;
    setClock(() => new Date(expiresAt - 1));
    expect(await refusal(ctx, "send_invoice", ARGS, early.confirmation_token)).toBeNull();
    setClock(() => new Date(expiresAt));
    expect(await refusal(ctx, "send_invoice", ARGS, late.confirmation_token)).toEqual({
      code: "invalid_input",
      message: "This confirmation_token has expired (they last 5 minutes). Call send_invoice again without confirmation_token to get a new one.",
      fieldErrors: { confirmation_token: "has expired" },
    });
    expect((await rowOf(late.confirmation_token)).consumedAt).toBeNull();
  });

  it.each([
    ["another connection of the same user in the same workspace", (ctx: ToolContext) => context({ userId: ctx.actor.userId, workspaceId: ctx.actor.workspaceId })],
    ["the same connection for another user", (ctx: ToolContext) => context({ grantId: ctx.connection.grantId, workspaceId: ctx.actor.workspaceId })],
    ["the same connection in another workspace", (ctx: ToolContext) => context({ grantId: ctx.connection.grantId, userId: ctx.actor.userId })],
  ])("refuses a token presented through %s, and leaves it usable where it was issued", async (_, elsewhere) => {
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    expect(await refusal(elsewhere(ctx), "send_invoice", ARGS, token)).toEqual({
      code: "invalid_input",
      message: "This confirmation_token is not valid for this connection. Call send_invoice again without confirmation_token to get a new one.",
      fieldErrors: { confirmation_token: "is not valid" },
    });
    expect(await refusal(ctx, "send_invoice", ARGS, token)).toBeNull();
  });

  it("refuses a token it never issued", async () => {
    expect(await refusal(context(), "send_invoice", ARGS, "hbcf_madeup")).toMatchObject({ code: "invalid_input", fieldErrors: { confirmation_token: "is not valid" } });
  });

  it("refuses a token issued for another tool, naming both, and leaves it usable for that tool", async () => {
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    expect(await refusal(ctx, "void_invoice", ARGS, token)).toEqual({
      code: "invalid_input",
      message: "This confirmation_token was issued for send_invoice, not void_invoice. Call void_invoice again without confirmation_token to get a new one.",
      fieldErrors: { confirmation_token: "is for another tool" },
    });
    expect(await refusal(ctx, "send_invoice", ARGS, token)).toBeNull();
  });

  it("refuses other arguments, quoting what was confirmed, and leaves the token usable for those", async () => {
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "record_invoice_payment", ARGS, "Record a payment of €50.00");
    expect(await refusal(ctx, "record_invoice_payment", { ...ARGS, amount: 6_000 }, token)).toEqual({
      code: "invalid_input",
      message:
        'The arguments differ from the ones that were confirmed ("Record a payment of €50.00"). Call record_invoice_payment again without confirmation_token to get a new one.',
      fieldErrors: { confirmation_token: "was issued for other arguments" },
    });
    expect(await refusal(ctx, "record_invoice_payment", ARGS, token)).toBeNull();
  });

  it("consumes inside the caller's transaction, so a rollback leaves the token usable for the retry", async () => {
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const rolledBack = new Error("the keyed write failed");
    await expect(
      db.$transaction(async (tx) => {
        await consumeConfirmation({ ...ctx, tx }, "send_invoice", ARGS, token);
        // A second use inside the same transaction sees the first.
        await expect(consumeConfirmation({ ...ctx, tx }, "send_invoice", ARGS, token)).rejects.toMatchObject({ code: "conflict" });
        throw rolledBack;
      }),
    ).rejects.toBe(rolledBack);
    expect((await rowOf(token)).consumedAt).toBeNull();
    expect(await refusal(ctx, "send_invoice", ARGS, token)).toBeNull();
  });

  it("lets exactly one of eight concurrent uses through", async () => {
    const ctx = context();
    const { confirmation_token: token } = await issueConfirmation(ctx, "send_invoice", ARGS, "Send");
    const outcomes = await Promise.all(Array.from({ length: 8 }, () => refusal(ctx, "send_invoice", ARGS, token)));
    expect(outcomes.filter((outcome) => outcome === null)).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome?.code === "conflict")).toHaveLength(7);
  });
});

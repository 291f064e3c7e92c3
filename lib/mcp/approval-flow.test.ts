/**
 * Confirmations the person answers in Hourbook, over MCP as a client without elicitation sees
 * them: the first call carries an approval link; the retry waits until the person approves,
 * then performs once; a denial or an expiry sends nothing. The approvals themselves (who may
 * decide, the list, the audit log, the policy) are lib/domain/approvals/approvals.test.ts.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor } from "@/lib/domain/actor";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { setClock } from "@/lib/domain/clock";
import { updateIntegrationPolicy } from "@/lib/domain/workspaces/update-integration-policy";
import { env } from "@/lib/env";
import { callToolOver } from "@/lib/testing/mcp-call";
import {
  approvalIdOf,
  billableClient,
  connect,
  decideAsPerson,
  draftInvoice,
  seedDemoWorld,
  sentInvoice,
  structured,
  toolError,
  trackedEntry,
  type DemoWorld,
  type ToolCall,
} from "@/lib/testing/mcp-fixtures";
import { CONFIRMATION_TTL_SECONDS } from "./confirmation";

let world: DemoWorld;
let ada: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  ada = await connect(world.adaId, world.workspaceId);
});

afterEach(() => setClock(null));

/** A draft of its own, and how to read whether it went out: its status and outbox messages. */
async function sendable() {
  const { invoice, client } = await draftInvoice(world.ada);
  const args = { invoice_id: invoice.id };
  const sent = async () => ({
    status: (await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status,
    messages: await db.outboxMessage.count({ where: { invoiceId: invoice.id } }),
  });
  return { invoice, client, args, sent, summary: `Send invoice ${invoice.label}, €120.00, to ${client.name} <${client.email}>` };
}

/** The first call: what it says, its token and its approval link. */
async function ask(token: string, name: string, args: Record<string, unknown>) {
  const call = await callToolOver(token, name, args);
  const content = structured(call);
  expect(content.status).toBe("confirmation_required");
  return { call, content, confirmationToken: String(content.confirmation_token), approvalUrl: content.approval_url as string | undefined };
}

const text = (call: ToolCall) => call.tool?.content[0]?.text ?? "";
const NOT_SENT = { status: "draft", messages: 0 };
const SENT_ONCE = { status: "sent", messages: 1 };

describe("a workspace that has the person approve sending (the default)", () => {
  it("answers the first call with the summary and a link to approve it in Hourbook, and changes nothing", async () => {
    const target = await sendable();
    const { call, content, approvalUrl } = await ask(ada, "send_invoice", target.args);
    expect(content).toMatchObject({ summary: target.summary, approval_url: expect.stringMatching(new RegExp(`^${env.APP_URL}/account/approvals/[a-z0-9]+$`)) });
    expect(text(call)).toContain(target.summary);
    expect(text(call)).toContain(approvalUrl);
    expect(text(call)).toMatch(/approve it, then call send_invoice again with the same arguments and confirmation_token/);
    const approval = await db.actionApproval.findUniqueOrThrow({ where: { id: approvalIdOf(approvalUrl!) } });
    expect(approval).toMatchObject({ status: "pending", userId: world.adaId, workspaceId: world.workspaceId, operation: "send_invoice", summary: target.summary });
    expect(await target.sent()).toEqual(NOT_SENT);
  });

  it("says 'waiting for approval' until the person approves, then sends once; the used token is refused after that", async () => {
    const target = await sendable();
    const { confirmationToken, approvalUrl } = await ask(ada, "send_invoice", target.args);
    const retry = () => callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken });

    for (let i = 0; i < 2; i++) {
      const waiting = await retry();
      expect(waiting.tool?.isError).toBeFalsy();
      expect(structured(waiting)).toMatchObject({ status: "approval_pending", summary: target.summary, approval_url: approvalUrl });
      expect(text(waiting)).toMatch(/^Waiting for approval\./);
      expect(await target.sent()).toEqual(NOT_SENT);
    }

    await decideAsPerson(approvalUrl!, "approve");
    expect(await target.sent()).toEqual(NOT_SENT); // approving alone performs nothing
    expect(structured(await retry())).toMatchObject({ status: "done", result: { invoice: { status: "sent" } } });
    expect(await target.sent()).toEqual(SENT_ONCE);
    expect(toolError(await retry())).toMatch(/already used/);
    expect(await target.sent()).toEqual(SENT_ONCE);
  });

  it("refuses the retry once the person denied it, and sends nothing", async () => {
    const target = await sendable();
    const { confirmationToken, approvalUrl } = await ask(ada, "send_invoice", target.args);
    await decideAsPerson(approvalUrl!, "deny");
    for (let i = 0; i < 2; i++) {
      const message = toolError(await callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken }));
      expect(message).toMatch(/The person denied this in Hourbook/);
      expect(message).toContain(target.summary);
    }
    expect(await target.sent()).toEqual(NOT_SENT);
  });

  it("refuses the retry once the approval expired unanswered, and the person can no longer approve it", async () => {
    const target = await sendable();
    const issuedAt = Date.now();
    const { confirmationToken, approvalUrl } = await ask(ada, "send_invoice", target.args);
    setClock(() => new Date(issuedAt + CONFIRMATION_TTL_SECONDS * 1000 + 1_000));
    expect(toolError(await callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken }))).toMatch(
      /expired before the person approved it in Hourbook/,
    );
    await expect(decideAsPerson(approvalUrl!, "approve")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired/) });
    expect(toolError(await callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken }))).toMatch(/expired/);
    expect(await target.sent()).toEqual(NOT_SENT);
  });

  it("refuses the token for other arguments even while it waits, quoting what is waiting", async () => {
    const target = await sendable();
    const { confirmationToken } = await ask(ada, "send_invoice", target.args);
    const message = toolError(await callToolOver(ada, "send_invoice", { ...target.args, to: "someone.else@example.com", confirmation_token: confirmationToken }));
    expect(message).toMatch(/arguments differ/);
    expect(await target.sent()).toEqual(NOT_SENT);
  });

  it("lets another user neither see nor decide the approval", async () => {
    const target = await sendable();
    const { confirmationToken, approvalUrl } = await ask(ada, "send_invoice", target.args);
    await expect(decideApproval(world.graceId, approvalIdOf(approvalUrl!), "approve")).rejects.toMatchObject({ code: "not_found" });
    expect(structured(await callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken })).status).toBe("approval_pending");
    expect(await target.sent()).toEqual(NOT_SENT);
  });

  it("sends exactly once for eight concurrent retries after the approval", async () => {
    const target = await sendable();
    const { confirmationToken, approvalUrl } = await ask(ada, "send_invoice", target.args);
    await decideAsPerson(approvalUrl!, "approve");
    const calls = await Promise.all(Array.from({ length: 8 }, () => callToolOver(ada, "send_invoice", { ...target.args, confirmation_token: confirmationToken })));
    expect(calls.filter((c) => c.tool && !c.tool.isError)).toHaveLength(1);
    expect(await target.sent()).toEqual(SENT_ONCE);
  });

  it("leaves an idempotency key unclaimed while waiting, then pays once and replays with it", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const args = { invoice_id: invoice.id, amount: 2_000 };
    const key = randomUUID();
    const { confirmationToken, approvalUrl } = await ask(ada, "record_invoice_payment", args);
    const pay = () => callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: confirmationToken, idempotency_key: key });
    expect(structured(await pay()).status).toBe("approval_pending");
    expect(await db.idempotencyRecord.count({ where: { key } })).toBe(0);
    await decideAsPerson(approvalUrl!, "approve");
    const first = structured(await pay());
    expect(first).toMatchObject({ status: "done", result: { invoice: { amount_paid: 2_000 } } });
    expect(structured(await pay())).toEqual(first);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it.each([
    ["record_invoice_payment", async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, amount: 1_000 })],
    ["void_invoice", async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id })],
  ])("asks the person to approve %s too", async (name, args) => {
    expect((await ask(ada, name, await args())).approvalUrl).toMatch(/\/account\/approvals\//);
  });

  it("does not ask for deleting a time entry, which is off by default", async () => {
    const { project } = await billableClient(world.ada);
    const entry = await trackedEntry(world.ada, project.id);
    const { approvalUrl, confirmationToken } = await ask(ada, "delete_time_entry", { time_entry_id: entry.id });
    expect(approvalUrl).toBeUndefined();
    expect(structured(await callToolOver(ada, "delete_time_entry", { time_entry_id: entry.id, confirmation_token: confirmationToken })).status).toBe("done");
  });
});

describe("a workspace whose policy does not ask for approval", () => {
  it("keeps today's two steps: no link, and the token works at once", async () => {
    const engines = world.demo.engines;
    const adaAdmin = await resolveActor(world.adaId, { id: engines.id });
    await updateIntegrationPolicy(adaAdmin, {
      publicApiAccess: true,
      clientPolicy: "any",
      allowedHosts: [],
      maxAccess: "admin",
      approvalOperations: [],
    });
    const token = await connect(world.adaId, engines.id);
    const { invoice } = await draftInvoice(adaAdmin);
    const { content, call, confirmationToken } = await ask(token, "send_invoice", { invoice_id: invoice.id });
    expect(content.approval_url).toBeUndefined();
    expect(text(call)).toMatch(/Ask the user first\.$/);
    expect(structured(await callToolOver(token, "send_invoice", { invoice_id: invoice.id, confirmation_token: confirmationToken })).status).toBe("done");
    expect(await db.outboxMessage.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect(await db.actionApproval.count({ where: { workspaceId: engines.id } })).toBe(0);
  });
});

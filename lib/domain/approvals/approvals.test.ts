/**
 * Approvals as the person meets them on Account → Approvals: who may decide, once, before the
 * expiry; the list and its count; the audit log; and the workspace policy that asks for them.
 * The MCP flow around them is lib/mcp/approval-flow.test.ts.
 */
import { randomUUID } from "node:crypto";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { describeAuditEvent } from "@/lib/domain/audit/describe-audit-event";
import { setClock } from "@/lib/domain/clock";
import { getIntegrationPolicy } from "@/lib/domain/workspaces/get-integration-policy";
import { updateIntegrationPolicy } from "@/lib/domain/workspaces/update-integration-policy";
import { loadDemoData, type DemoData } from "@/lib/testing/demo-data";
import { countPendingApprovals } from "./count-pending-approvals";
import { decideApproval } from "./decide-approval";
import { getApproval } from "./get-approval";
import { listUserApprovals } from "./list-user-approvals";
import { requestApproval } from "./request-approval";
import { requiresApproval } from "./requires-approval";

let demo: DemoData;
let ada: Actor;
let grace: Actor;
const T0 = new Date("2030-01-01T12:00:00.000Z");
const TTL_MS = 5 * 60 * 1000;

beforeAll(async () => {
  demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { id: demo.lovelace.id });
  grace = await resolveActor(demo.grace.id, { id: demo.lovelace.id });
});

afterEach(() => setClock(null));

/** An approval asked for `userId` (Ada by default) at `at`, as lib/mcp/confirmation.ts asks for one. */
async function asked({ userId = demo.ada.id, at = T0, summary = "Send invoice INV-0042, €762.00, to accounts@babbage.example" } = {}) {
  const expiresAt = new Date(at.getTime() + TTL_MS);
  const binding = { grantId: `grant-${randomUUID()}`, userId, workspaceId: demo.lovelace.id };
  return db.$transaction(async (tx) => {
    const confirmation = await tx.confirmationToken.create({ data: { ...binding, tokenHash: randomUUID(), tool: "send_invoice", argumentsHash: "h", summary, expiresAt } });
    return requestApproval({ ...binding, confirmationId: confirmation.id, clientId: "client-1", appName: "Claude", operation: "send_invoice", summary, expiresAt }, tx);
  });
}

const auditOf = (grantId: string) => db.auditEvent.findMany({ where: { grantId } });

describe("decideApproval", () => {
  it.each([
    ["approve", "approved", "approval.approved", "AI assistant's action approved in Hourbook"],
    ["deny", "denied", "approval.denied", "AI assistant's action denied in Hourbook"],
  ] as const)("lets the person %s once, and records it in the workspace's audit log with the app, tool and summary", async (decision, status, type, what) => {
    setClock(() => T0);
    const { id } = await asked();
    setClock(() => new Date(T0.getTime() + 60_000));
    expect(await decideApproval(demo.ada.id, id, decision)).toMatchObject({ id, status, appName: "Claude", workspaceName: "Lovelace Studio" });
    const row = await db.actionApproval.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status, decidedAt: new Date(T0.getTime() + 60_000) });
    const events = await auditOf(row.grantId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type, workspaceId: demo.lovelace.id, userId: demo.ada.id, clientId: "client-1" });
    expect(describeAuditEvent(events[0]!.type, events[0]!.detail)).toEqual({ what, detail: "Claude — send_invoice: Send invoice INV-0042, €762.00, to accounts@babbage.example" });

    // A second decision, either way, finds nothing pending and records nothing.
    for (const again of ["approve", "deny"] as const) {
      await expect(decideApproval(demo.ada.id, id, again)).rejects.toMatchObject({ code: "conflict", message: `You already ${status} this request.` });
    }
    expect(await auditOf(row.grantId)).toHaveLength(1);
  });

  it("refuses another person's decision as if the request did not exist", async () => {
    const { id } = await asked();
    setClock(() => T0);
    await expect(decideApproval(demo.grace.id, id, "approve")).rejects.toMatchObject({ code: "not_found" });
    await expect(getApproval(demo.grace.id, id)).rejects.toMatchObject({ code: "not_found" });
    expect((await getApproval(demo.ada.id, id)).status).toBe("pending");
  });

  it("refuses a decision from the moment the request expires, which then shows as expired", async () => {
    setClock(() => T0);
    const { id } = await asked();
    setClock(() => new Date(T0.getTime() + TTL_MS - 1));
    expect((await getApproval(demo.ada.id, id)).status).toBe("pending");
    setClock(() => new Date(T0.getTime() + TTL_MS));
    expect((await getApproval(demo.ada.id, id)).status).toBe("expired");
    await expect(decideApproval(demo.ada.id, id, "approve")).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/expired before it was decided/) });
    expect((await db.actionApproval.findUniqueOrThrow({ where: { id } })).status).toBe("pending");
  });

  it("lets exactly one of eight concurrent decisions through", async () => {
    setClock(() => T0);
    const { id } = await asked();
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => decideApproval(demo.ada.id, id, i % 2 ? "deny" : "approve")));
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const row = await db.actionApproval.findUniqueOrThrow({ where: { id } });
    expect(await auditOf(row.grantId)).toHaveLength(1);
  });
});

describe("listUserApprovals and countPendingApprovals", () => {
  it("lists the person's pending requests apart from those decided or expired in the last day, and counts only the pending", async () => {
    const at = new Date("2031-06-01T09:00:00.000Z");
    setClock(() => at);
    const before = await countPendingApprovals(demo.grace.id);
    const waiting = await asked({ userId: demo.grace.id, at, summary: "waiting" });
    const approved = await asked({ userId: demo.grace.id, at, summary: "approved" });
    await decideApproval(demo.grace.id, approved.id, "approve");
    const expired = await asked({ userId: demo.grace.id, at: new Date(at.getTime() - TTL_MS - 1), summary: "expired" });
    const old = await asked({ userId: demo.grace.id, at: new Date(at.getTime() - 25 * 3600 * 1000), summary: "yesterday" });
    const adas = await asked({ at, summary: "Ada's" });

    expect(await countPendingApprovals(demo.grace.id)).toBe(before + 1);
    const { pending, recent } = await listUserApprovals(demo.grace.id);
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids(pending)).toContain(waiting.id);
    expect(ids(recent)).toEqual(expect.arrayContaining([approved.id, expired.id]));
    expect(recent.find((a) => a.id === expired.id)?.status).toBe("expired");
    expect([...ids(pending), ...ids(recent)]).not.toContain(old.id);
    expect([...ids(pending), ...ids(recent)]).not.toContain(adas.id);
  });
});

describe("the workspace's approval policy", () => {
  it("asks for sending, payments and voids by default, not for deleting time", async () => {
    expect((await getIntegrationPolicy(ada)).approvalOperations).toEqual(["send_invoice", "record_invoice_payment", "void_invoice"]);
    expect(await requiresApproval(demo.lovelace.id, "send_invoice")).toBe(true);
    expect(await requiresApproval(demo.lovelace.id, "delete_time_entry")).toBe(false);
    expect(await requiresApproval(demo.lovelace.id, "create_client")).toBe(false);
  });

  it("is changed by owners and admins with the other integration settings, audited in words; left out, it stays", async () => {
    const open = { publicApiAccess: true, clientPolicy: "any" as const, allowedHosts: [], maxAccess: "admin" as const };
    const { changes } = await updateIntegrationPolicy(ada, { ...open, approvalOperations: ["delete_time_entry", "send_invoice"] });
    expect(changes).toEqual([
      { field: "Approval in Hourbook", from: "sending an invoice, recording a payment, voiding an invoice", to: "sending an invoice, deleting a time entry" },
    ]);
    expect(await requiresApproval(demo.lovelace.id, "delete_time_entry")).toBe(true);
    expect(await requiresApproval(demo.lovelace.id, "void_invoice")).toBe(false);
    const event = await db.auditEvent.findFirstOrThrow({ where: { workspaceId: demo.lovelace.id, type: "policy.changed" }, orderBy: { createdAt: "desc" } });
    expect(describeAuditEvent(event.type, event.detail).detail).toBe("Approval in Hourbook: sending an invoice, recording a payment, voiding an invoice → sending an invoice, deleting a time entry");

    expect((await updateIntegrationPolicy(ada, open)).changes).toEqual([]);
    expect((await getIntegrationPolicy(ada)).approvalOperations).toEqual(["send_invoice", "delete_time_entry"]);
    await expect(updateIntegrationPolicy(ada, { ...open, approvalOperations: ["create_client" as "send_invoice"] })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(updateIntegrationPolicy(grace, { ...open, approvalOperations: [] })).rejects.toMatchObject({ code: "forbidden" });

    await updateIntegrationPolicy(ada, { ...open, approvalOperations: ["send_invoice", "record_invoice_payment", "void_invoice"] });
  });
});

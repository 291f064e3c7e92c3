import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { setClock } from "@/lib/domain/clock";
import { createInvitation } from "@/lib/domain/invitations/create-invitation";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { voidInvoice } from "@/lib/domain/invoices/void-invoice";
import { createRule } from "@/lib/domain/rules/create-rule";
import { updateRule } from "@/lib/domain/rules/update-rule";
import { addMember, createClientRow, createInvoiceRow, createProjectRow, createUser, createWorkspace } from "@/prisma/seed/factories";
import { ACCOUNT_EVENT_TYPES, AUDIT_CATEGORIES, auditTypesOf } from "./audit-event-categories";
import { csvRecord, csvStream } from "@/lib/domain/csv/csv";
import { describeAuditEvent } from "./describe-audit-event";
import { exportAuditEvents } from "./export-audit-events";
import { listAuditEvents, type AuditFilter } from "./list-audit-events";
import { listAuditFilterOptions } from "./list-audit-filter-options";
import type { AuditEventType } from "./record-audit-event";

let owner: Actor;
let member: Actor;
let clientId: string;
let projectId: string;
let number = 1;

beforeAll(async () => {
  setClock(() => new Date("2026-03-10T12:00:00Z"));
  const workspace = await createWorkspace(db, { name: `Audit ${Date.now()}`, timeZone: "Pacific/Auckland" });
  const [ada, charles] = await Promise.all([createUser(db, { name: "Ada Owner" }), createUser(db, { name: "Charles Member" })]);
  const adaMembership = await addMember(db, workspace.id, ada.id, "owner");
  const charlesMembership = await addMember(db, workspace.id, charles.id, "member");
  owner = { userId: ada.id, membershipId: adaMembership.id, workspaceId: workspace.id, role: "owner" };
  member = { userId: charles.id, membershipId: charlesMembership.id, workspaceId: workspace.id, role: "member" };
  clientId = (await createClientRow(db, workspace.id, { email: "billing@client.example" } as never)).id;
  projectId = (await createProjectRow(db, workspace.id, clientId)).id;
});
afterAll(() => setClock(null));

async function draft() {
  const row = await createInvoiceRow(db, { workspaceId: owner.workspaceId, clientId, number: number++, status: "draft" });
  await db.invoiceLine.create({ data: { invoiceId: row.id, position: 1, description: "Work", projectId, quantitySeconds: 7_200, unitRate: 10_000, amount: 20_000 } });
  return row;
}

const latest = (type: string) => db.auditEvent.findFirst({ where: { workspaceId: owner.workspaceId, type }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

describe("what the audit log records", () => {
  it("records sending an invoice, recording a payment and voiding one, in words", async () => {
    const sent = await draft();
    await sendInvoice(owner, { id: sent.id, to: "ap@client.example" });
    expect(await latest("invoice.sent")).toMatchObject({ userId: owner.userId });
    await recordInvoicePayment(owner, { invoiceId: sent.id, amount: 5_000, reference: "=HYPERLINK()", paidOn: "2026-03-09" });
    const voided = await draft();
    await voidInvoice(owner, { id: voided.id });

    const { events } = await listAuditEvents(owner, { filter: { what: "invoices" } });
    expect(events.map((e) => [e.type, e.what, e.detail, e.who])).toEqual([
      ["invoice.voided", "Invoice voided", expect.stringMatching(/^INV-\d{4} \(€200\.00\), was draft$/), "Ada Owner"],
      ["payment.recorded", "Payment recorded", expect.stringMatching(/^€50\.00 paid on 9 Mar 2026 \(=HYPERLINK\(\)\) on INV-\d{4}$/), "Ada Owner"],
      ["invoice.sent", "Invoice sent", expect.stringMatching(/^INV-\d{4} \(€200\.00\) to ap@client\.example$/), "Ada Owner"],
    ]);
  });

  it("records nothing when the change is refused (the event is written in the change's transaction)", async () => {
    const before = await db.auditEvent.count({ where: { workspaceId: owner.workspaceId } });
    const sent = await draft();
    await sendInvoice(owner, { id: sent.id });
    const count = await db.auditEvent.count({ where: { workspaceId: owner.workspaceId } });
    expect(count).toBe(before + 1);
    await expect(sendInvoice(owner, { id: sent.id })).rejects.toMatchObject({ code: "conflict" });
    await expect(recordInvoicePayment(owner, { invoiceId: sent.id, amount: 999_999 })).rejects.toMatchObject({ code: "invalid_input" });
    await expect(voidInvoice(member, { id: sent.id })).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.auditEvent.count({ where: { workspaceId: owner.workspaceId } })).toBe(count);
  });

  it("records billing rules created and changed, with what changed", async () => {
    const rule = await createRule(owner, { kind: "rounding", name: "Quarter hours", roundingIncrementSeconds: 900, roundingDirection: "up" });
    expect((await listAuditEvents(owner, { filter: { what: "rule.created" } })).events[0]?.detail).toBe("Quarter hours: Round up 0:15 — All work");
    await updateRule(owner, { id: rule.id, name: "Quarters", active: false });
    expect((await listAuditEvents(owner, { filter: { what: "rule.updated" } })).events[0]?.detail).toBe("Quarters: Name: Quarter hours → Quarters; Active: on → off");
    const events = await db.auditEvent.count({ where: { workspaceId: owner.workspaceId, type: "rule.updated" } });
    await updateRule(owner, { id: rule.id, name: "Quarters" });
    expect(await db.auditEvent.count({ where: { workspaceId: owner.workspaceId, type: "rule.updated" } })).toBe(events);
  });

  it("puts every workspace event type in exactly one category, and account events in none", () => {
    const listed = Object.values(AUDIT_CATEGORIES).flatMap((c) => [...c.types]);
    expect(new Set(listed).size).toBe(listed.length);
    for (const type of ACCOUNT_EVENT_TYPES) expect(listed).not.toContain(type);
  });

  it.each<[AuditEventType, unknown, string, string]>([
    ["member.invited", { email: "kj@example.com", role: "admin", replaced: 1 }, "Person invited", "kj@example.com as admin (replaces the earlier pending invitation)"],
    ["member.invitation_revoked", { email: "kj@example.com", role: "member" }, "Invitation withdrawn", "kj@example.com (member)"],
    ["member.joined", { memberName: "K J", email: "kj@example.com", role: "member", reactivated: true }, "Invitation accepted", "K J (kj@example.com) joined as member; their earlier membership was brought back"],
    ["member.removed", { memberUserId: "u", memberName: "Grace", from: "admin", grantsRevoked: 2 }, "Member removed", "Grace (was admin); 2 connections revoked"],
    ["member.role_changed", { memberName: "Grace", from: "member", to: "admin" }, "Member's role changed", "Grace: member → admin"],
    ["member.deactivated", { memberName: "Grace" }, "Member deactivated", "Grace"],
    ["member.reactivated", { memberName: "Grace" }, "Member reactivated", "Grace"],
    ["grant.revoked", { reason: "member_removed" }, "Connection revoked", "the member was removed from the workspace"],
    ["grant.revoked", { reason: "password_reset" }, "Connection revoked", "the member reset their password and disconnected every app"],
    ["user.password_reset", { by: "self", grantsRevoked: 2 }, "Password reset through a reset link", "by the person themselves; 2 connections revoked"],
    ["workspace.created", { name: "Acme" }, "Workspace created", "Acme"],
    ["credit_note.issued", { creditNote: "CN-0001", invoice: "INV-0001", amount: "€10.00", full: false }, "Credit note issued", "CN-0001 credits €10.00 of INV-0001"],
  ])("describes %s in words", (type, detail, what, words) => {
    expect(describeAuditEvent(type, detail)).toEqual({ what, detail: words });
  });
});

describe("filtering the audit log", () => {
  beforeAll(async () => {
    // Two member changes either side of midnight in Auckland (UTC+13 in March): recorded times
    // come from the database, so the rows are written with their times directly.
    const change = (at: string, from: string, to: string) => ({
      type: "member.role_changed",
      workspaceId: owner.workspaceId,
      userId: owner.userId,
      createdAt: new Date(at),
      detail: { memberUserId: member.userId, memberName: "Charles Member", from, to },
    });
    await db.auditEvent.createMany({
      data: [change("2026-03-01T10:30:00Z", "member", "admin"), change("2026-03-01T11:30:00Z", "admin", "member")], // 23:30 on 1 March, 00:30 on 2 March
    });
  });

  const types = async (filter: AuditFilter) => (await listAuditEvents(owner, { filter, limit: 100 })).events.map((e) => e.type);

  it("narrows to one person, one category or event type, and dates in the workspace's time zone", async () => {
    expect(await types({ who: member.userId })).toEqual([]);
    expect((await types({ who: owner.userId })).length).toBeGreaterThan(3);
    expect(new Set(await types({ what: "members" }))).toEqual(new Set(["member.role_changed"]));
    expect(await types({ what: "member.role_changed", from: "2026-03-01", to: "2026-03-01" })).toHaveLength(1);
    expect(await types({ what: "member.role_changed", from: "2026-03-02", to: "2026-03-02" })).toHaveLength(1);
    expect(await types({ from: "2026-02-01", to: "2026-02-28" })).toEqual([]);
    const detail = (await listAuditEvents(owner, { filter: { from: "2026-03-01", to: "2026-03-01" } })).events.map((e) => e.detail);
    expect(detail).toEqual(["Charles Member: member → admin"]);
  });

  it("pages through a filtered log with the filter kept", async () => {
    const first = await listAuditEvents(owner, { filter: { what: "member.role_changed" }, limit: 1 });
    expect(first.events).toHaveLength(1);
    const second = await listAuditEvents(owner, { filter: { what: "member.role_changed" }, limit: 1, cursor: first.nextCursor ?? "" });
    expect(second.events.map((e) => e.type)).toEqual(["member.role_changed"]);
    expect(second.events[0]?.id).not.toBe(first.events[0]?.id);
    expect(second.nextCursor).toBeNull();
  });

  it.each<[string, AuditFilter, string, string]>([
    ["an unknown event type", { what: "invoice.exploded" }, "what", "is not an event type or category (categories: members, invoices, rules, settings, connections, assistants)"],
    ["a date that is not one", { from: "2026-02-30" }, "from", "must be a date written YYYY-MM-DD"],
    ["an end before the start", { from: "2026-03-05", to: "2026-03-01" }, "from", "must be on or before to"],
    ["a start before the calendar", { from: "0001-01-01" }, "from", "must be a date from 2000-01-01 to 2099-12-31"],
    ["an end past the calendar", { to: "9999-12-31" }, "to", "must be a date from 2000-01-01 to 2099-12-31"],
  ])("refuses %s with a field message", async (_, filter, field, message) => {
    const error = await listAuditEvents(owner, { filter }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { [`filter.${field}`]: message } });
    await expect(exportAuditEvents(owner, filter)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: message } });
  });

  it("reads the calendar's last day to its end", async () => {
    await expect(types({ from: "2099-12-31", to: "2099-12-31" })).resolves.toEqual([]);
    expect((await types({ from: "2000-01-01", to: "2099-12-31" })).length).toBe((await types({})).length);
  });

  it("refuses a person who is not the workspace's, by an unknown id or another workspace's member, naming who", async () => {
    const elsewhere = await createWorkspace(db, { name: `Elsewhere ${Date.now()}` });
    const stranger = await createUser(db, { name: "Stranger" });
    await addMember(db, elsewhere.id, stranger.id, "owner");
    await db.auditEvent.create({ data: { type: "member.role_changed", workspaceId: elsewhere.id, userId: stranger.id, detail: {} } });
    for (const who of ["nobody", stranger.id]) {
      const refusal = { code: "invalid_input", message: "who: no person with this id in this workspace", fieldErrors: { who: "no person with this id in this workspace" } };
      await expect(listAuditEvents(owner, { filter: { who } })).rejects.toMatchObject(refusal);
      await expect(exportAuditEvents(owner, { who })).rejects.toMatchObject(refusal);
    }
    // A removed member is still the workspace's person (the filter offers them): their events, none refused.
    const removed = await createUser(db, { name: "Removed Member" });
    await db.auditEvent.create({ data: { type: "member.role_changed", workspaceId: owner.workspaceId, userId: removed.id, detail: {} } });
    expect(await types({ who: removed.id })).toEqual(["member.role_changed"]);
  });

  it("refuses a member reading, filtering or exporting the log", async () => {
    await expect(listAuditEvents(member)).rejects.toMatchObject({ code: "forbidden" });
    await expect(listAuditFilterOptions(member)).rejects.toMatchObject({ code: "forbidden" });
    await expect(exportAuditEvents(member)).rejects.toMatchObject({ code: "forbidden" });
  });

  it("offers the workspace's people and every category", async () => {
    const options = await listAuditFilterOptions(owner);
    expect(options.people.map((p) => p.name)).toEqual(["Ada Owner", "Charles Member"]);
    expect(options.categories.map((c) => c.value)).toEqual(Object.keys(AUDIT_CATEGORIES));
    expect(auditTypesOf("members")).toContain("member.removed");
  });
});

describe("exporting the audit log as CSV", () => {
  it("streams every filtered row, page after page, header first, times in the workspace zone", async () => {
    const invitations = 520;
    await db.auditEvent.createMany({
      data: Array.from({ length: invitations }, (_, i) => ({
        type: "member.invited",
        workspaceId: owner.workspaceId,
        userId: owner.userId,
        createdAt: new Date(Date.UTC(2026, 2, 5, 0, 0, i)),
        detail: { email: `p${i}@example.com`, role: "member", replaced: 0 },
      })),
    });
    const csv = await exportAuditEvents(owner, { what: "member.invited", from: "2026-03-05" });
    expect(csv.fileName).toMatch(/^audit-log-audit-.*-2026-03-05-to-now\.csv$/);
    const reader = csvStream(csv).getReader();
    const decoder = new TextDecoder();
    let text = "";
    let pieces = 0;
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      text += decoder.decode(read.value);
      pieces++;
    }
    const lines = text.split("\r\n").filter(Boolean);
    expect(lines[0]).toBe(csvRecord(["Date", "Time", "Time zone", "Who", "What", "App", "Detail", "Event type"]).trimEnd());
    expect(lines).toHaveLength(invitations + 1);
    expect(pieces).toBeGreaterThanOrEqual(3);
    expect(lines[1]).toBe(`2026-03-05,13:08,Pacific/Auckland,Ada Owner,Person invited,,p519@example.com as member,member.invited`);
  });

  it("exports a real invitation too", async () => {
    await createInvitation(owner, { email: "export@example.com", role: "member" });
    const csv = await exportAuditEvents(owner, { what: "members", from: new Date().toISOString().slice(0, 10) });
    const text = await new Response(csvStream(csv)).text();
    expect(text).toContain("export@example.com as member");
  });
});

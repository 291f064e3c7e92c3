import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { createClient } from "@/lib/domain/clients/create-client";
import { updateClient } from "@/lib/domain/clients/update-client";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { findBillableCandidates } from "@/lib/domain/invoices/find-billable-candidates";
import { listInvoices } from "@/lib/domain/invoices/list-invoices";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { voidInvoice } from "@/lib/domain/invoices/void-invoice";
import { createProject } from "@/lib/domain/projects/create-project";
import { getBillingHubSummary } from "@/lib/domain/reports/get-billing-hub-summary";
import { runReport } from "@/lib/domain/reports/run-report";
import { createRule } from "@/lib/domain/rules/create-rule";
import { listRules } from "@/lib/domain/rules/list-rules";
import { createTask } from "@/lib/domain/tasks/create-task";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import { deleteTimeEntry } from "@/lib/domain/time-entries/delete-time-entry";
import { listTimeEntries } from "@/lib/domain/time-entries/list-time-entries";
import { updateTimeEntry } from "@/lib/domain/time-entries/update-time-entry";
import { loadDemoData } from "@/lib/testing/demo-data";
import { addMember, createUser, createWorkspace } from "@/prisma/seed/factories";

let owner: Actor;
let member: Actor;
let ids: { clientId: string; projectId: string; invoiceId: string; adaEntryId: string; graceEntryId: string };
const range = { from: "2000-01-01", to: "2099-12-31" };

beforeAll(async () => {
  const demo = await loadDemoData();
  owner = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  member = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  const client = demo.babbage;
  const project = await db.project.findFirstOrThrow({ where: { clientId: client.id, name: "Analytical Engine Website" } });
  const invoice = await db.invoice.findFirstOrThrow({ where: { workspaceId: owner.workspaceId, status: "sent" } });
  const unbilled = { workspaceId: owner.workspaceId, invoiceLineId: null };
  const adaEntry = await db.timeEntry.findFirstOrThrow({ where: { ...unbilled, membershipId: owner.membershipId } });
  const graceEntry = await db.timeEntry.findFirstOrThrow({ where: { ...unbilled, membershipId: member.membershipId } });
  ids = { clientId: client.id, projectId: project.id, invoiceId: invoice.id, adaEntryId: adaEntry.id, graceEntryId: graceEntry.id };
});

describe("a member is refused owner and admin work, and nothing changes", () => {
  const refusals: [string, () => Promise<unknown>][] = [
    ["create a client", () => createClient(member, { name: "Sneaky Ltd" })],
    ["edit a client", () => updateClient(member, { id: ids.clientId, name: "Renamed" })],
    ["create a project", () => createProject(member, { clientId: ids.clientId, name: "Side gig" })],
    ["create a billing rule", () => createRule(member, { kind: "rate_override", name: "Raise", hourlyRate: 1 })],
    ["view billing rules", () => listRules(member)],
    ["list invoices", () => listInvoices(member)],
    ["look for billable time", () => findBillableCandidates(member, { clientId: ids.clientId, ...range })],
    ["create an invoice", () => createInvoiceDraft(member, { clientId: ids.clientId, ...range })],
    ["send an invoice", () => sendInvoice(member, { id: ids.invoiceId })],
    ["record a payment", () => recordInvoicePayment(member, { invoiceId: ids.invoiceId, amount: 100 })],
    ["void an invoice", () => voidInvoice(member, { id: ids.invoiceId })],
    ["view the Billing Hub", () => getBillingHubSummary(member)],
    ["run a revenue report", () => runReport(member, { kind: "revenue", groupBy: "client", ...range })],
    ["edit someone else's time", () => updateTimeEntry(member, { id: ids.adaEntryId, description: "mine now" })],
    ["delete someone else's time", () => deleteTimeEntry(member, { id: ids.adaEntryId })],
    ["track time for someone else", () =>
      createTimeEntry(member, { projectId: ids.projectId, startedAt: new Date(), durationSeconds: 600, membershipId: owner.membershipId })],
  ];

  it.each(refusals)("cannot %s", async (_, attempt) => {
    const counts = () => Promise.all([db.client.count(), db.project.count(), db.invoice.count(), db.payment.count(), db.timeEntry.count(), db.billingRule.count(), db.outboxMessage.count()]);
    const before = await counts();
    const statusBefore = (await db.invoice.findUniqueOrThrow({ where: { id: ids.invoiceId } })).status;
    await expect(attempt()).rejects.toMatchObject({ code: expect.stringMatching(/^(forbidden|not_found)$/) });
    expect(await counts()).toEqual(before);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: ids.invoiceId } })).status).toBe(statusBefore);
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: ids.adaEntryId } })).description).not.toBe("mine now");
  });

  it("names the role and the action in the refusal", async () => {
    await expect(createClient(member, { name: "X" })).rejects.toThrow("A member cannot create clients in this workspace.");
  });
});

describe("what a member may do", () => {
  it("tracks, edits and deletes their own time", async () => {
    const entry = await createTimeEntry(member, { projectId: ids.projectId, startedAt: new Date(), durationSeconds: 1_800, description: "Pairing" });
    expect(entry.member.id).toBe(member.membershipId);
    await expect(updateTimeEntry(member, { id: entry.id, description: "Pairing session" })).resolves.toMatchObject({ description: "Pairing session" });
    await expect(deleteTimeEntry(member, { id: entry.id })).resolves.toMatchObject({ id: entry.id });
  });

  it("creates tasks", async () => {
    await expect(createTask(member, { projectId: ids.projectId, name: "Member task" })).resolves.toMatchObject({ name: "Member task" });
  });

  it("sees only their own time entries and their own time report", async () => {
    const page = await listTimeEntries(member, { limit: 200 });
    expect(page.entries.length).toBeGreaterThan(0);
    expect(new Set(page.entries.map((e) => e.member.id))).toEqual(new Set([member.membershipId]));
    await expect(listTimeEntries(member, { membershipId: owner.membershipId })).rejects.toMatchObject({ code: "forbidden", message: "A member can only list their own time entries." });
    const report = await runReport(member, { kind: "time", groupBy: "member", ...range });
    expect(report.ownTimeOnly).toBe(true);
    expect(report.rows.map((r) => r.key)).toEqual([member.membershipId]);
  });

  it("lets an owner edit a member's entry", async () => {
    await expect(updateTimeEntry(owner, { id: ids.graceEntryId, description: "Checked by Ada" })).resolves.toMatchObject({
      description: "Checked by Ada",
    });
  });
});

describe("resolving the acting member", () => {
  it("refuses an inactive membership", async () => {
    const user = await createUser(db);
    const workspace = await createWorkspace(db);
    await addMember(db, workspace.id, user.id, "admin", "inactive");
    await expect(resolveActor(user.id, { id: workspace.id })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("inactive") });
  });

  it("refuses a disabled user", async () => {
    const user = await createUser(db, { status: "disabled" });
    const workspace = await createWorkspace(db);
    await addMember(db, workspace.id, user.id, "owner");
    await expect(resolveActor(user.id, { slug: workspace.slug })).rejects.toMatchObject({ code: "forbidden", message: expect.stringContaining("disabled") });
  });

  it("does not reveal workspaces the user is not in", async () => {
    const outsider = await createUser(db);
    const notIn = { code: "not_found", message: "That workspace was not found, or you are not a member of it." };
    await expect(resolveActor(outsider.id, { slug: "lovelace-studio" })).rejects.toMatchObject(notIn);
    // The same words for one that does not exist (it used to say "Workspace was not found in this workspace.").
    await expect(resolveActor(outsider.id, { slug: "no-such-workspace" })).rejects.toMatchObject(notIn);
  });

  it("keeps each workspace's data apart", async () => {
    const engines = await resolveActor(owner.userId, { slug: "analytical-engines" });
    const page = await listTimeEntries(engines, { limit: 200 });
    expect(page.entries.every((e) => e.client.name === "Difference Works")).toBe(true);
    await expect(updateTimeEntry(engines, { id: ids.adaEntryId, description: "cross-workspace" })).rejects.toMatchObject({ code: "not_found" });
  });
});

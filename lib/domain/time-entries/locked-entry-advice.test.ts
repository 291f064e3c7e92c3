/**
 * The message on a time entry an invoice bills says what this person can do about it: whom to ask
 * (a member), or which correction that invoice allows (owners and admins). The same words come
 * back from the domain when someone tries to change or delete the entry.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { createCreditNote } from "@/lib/domain/invoices/create-credit-note";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import type { Role } from "@/lib/generated/prisma/enums";
import { addMember, createClientRow, createProjectRow, createTimeEntryRow, createUser, createWorkspace } from "@/prisma/seed/factories";
import { deleteTimeEntry } from "./delete-time-entry";
import { lockedEntryAdvice, type LockingInvoice } from "./locked-entry-advice";
import { updateTimeEntry } from "./update-time-entry";

const DRAFT: LockingInvoice = { label: "INV-0042", status: "draft", amountPaid: 0 };
const SENT: LockingInvoice = { label: "INV-0042", status: "sent", amountPaid: 0 };
const PART_PAID: LockingInvoice = { label: "INV-0042", status: "sent", amountPaid: 500 };
const PAID: LockingInvoice = { label: "INV-0042", status: "paid", amountPaid: 12_000 };
const PARTLY_CREDITED: LockingInvoice = { label: "INV-0042", status: "sent", amountPaid: 0, amountCredited: 2_000 };

const ASK = "This time entry is billed on invoice INV-0042; ask an owner or admin to release it from INV-0042 if it needs to change.";
const EDIT_OR_VOID = "This time entry is billed on invoice INV-0042, a draft: remove it from the draft by editing INV-0042, or void the draft, before you change it.";
const VOID_OR_CREDIT = "This time entry is billed on invoice INV-0042, already sent: void INV-0042 or issue a credit note for it in full (either releases its time) before you change it.";
const CREDIT_REST = "This time entry is billed on invoice INV-0042, which is partly credited: issue a credit note for the rest of INV-0042 to release its time, then change it.";
const CREDIT = "This time entry is billed on invoice INV-0042, which has payments: issue a credit note for INV-0042 in full to release its time, then change it.";

describe("lockedEntryAdvice", () => {
  it.each<[Role, LockingInvoice, string]>([
    ["member", DRAFT, ASK],
    ["member", SENT, ASK],
    ["member", PAID, ASK],
    ["owner", DRAFT, EDIT_OR_VOID],
    ["admin", DRAFT, EDIT_OR_VOID],
    ["owner", SENT, VOID_OR_CREDIT],
    ["admin", SENT, VOID_OR_CREDIT],
    ["owner", PART_PAID, CREDIT],
    ["owner", PAID, CREDIT],
    ["admin", PAID, CREDIT],
    ["owner", PARTLY_CREDITED, CREDIT_REST],
    ["member", PARTLY_CREDITED, ASK],
  ])("tells the %s what to do about an entry on %o", (role, invoice, message) => {
    expect(lockedEntryAdvice(role, invoice)).toBe(message);
  });

  it("names what the person tried", () => {
    expect(lockedEntryAdvice("member", DRAFT, "delete")).toMatch(/if it needs to go\.$/);
    expect(lockedEntryAdvice("owner", PAID, "delete")).toMatch(/then delete it\.$/);
  });
});

describe("changing an invoiced entry is refused with that advice", () => {
  let owner: Actor;
  let member: Actor;
  let clientId: string;
  let projectId: string;

  beforeAll(async () => {
    const workspace = await createWorkspace(db);
    const actors = await Promise.all(
      (["owner", "member"] as const).map(async (role) => {
        const user = await createUser(db);
        const membership = await addMember(db, workspace.id, user.id, role);
        return { userId: user.id, membershipId: membership.id, workspaceId: workspace.id, role } satisfies Actor;
      }),
    );
    [owner, member] = actors as [Actor, Actor];
    clientId = (await createClientRow(db, workspace.id, { email: "pay@client.example" })).id;
    projectId = (await createProjectRow(db, workspace.id, clientId, { hourlyRate: 10_000 })).id;
  });

  /** An entry of `who`'s on an invoice in the given state. */
  async function lockedEntry(who: Actor, state: "draft" | "sent" | "part paid" | "paid" | "partly credited") {
    const entry = await createTimeEntryRow(db, { workspaceId: owner.workspaceId, membershipId: who.membershipId, projectId, startedAt: new Date("2026-01-05T09:00:00Z"), durationSeconds: 3_600, hourlyRate: 10_000 });
    const draft = await createInvoiceDraft(owner, { clientId, entryIds: [entry.id] });
    if (state !== "draft") await sendInvoice(owner, { id: draft.id });
    if (state === "part paid") await recordInvoicePayment(owner, { invoiceId: draft.id, amount: 1_000 });
    if (state === "paid") await recordInvoicePayment(owner, { invoiceId: draft.id, amount: 10_000 });
    if (state === "partly credited") await createCreditNote(owner, { invoiceId: draft.id, lines: [{ description: "Goodwill", amount: 1_000 }] });
    return { entry, label: draft.label };
  }

  it.each<["owner" | "member", "draft" | "sent" | "part paid" | "paid" | "partly credited", (label: string) => RegExp]>([
    ["member", "sent", (label) => new RegExp(`; ask an owner or admin to release it from ${label} if it needs to change\\.$`)],
    ["owner", "draft", (label) => new RegExp(`, a draft: remove it from the draft by editing ${label}, or void the draft, before you edit it\\.$`)],
    ["owner", "sent", (label) => new RegExp(`, already sent: void ${label} or issue a credit note for it in full`)],
    ["owner", "part paid", (label) => new RegExp(`, which has payments: issue a credit note for ${label} in full to release its time, then edit it\\.$`)],
    ["owner", "paid", (label) => new RegExp(`, which has payments: issue a credit note for ${label} in full`)],
    ["owner", "partly credited", (label) => new RegExp(`, which is partly credited: issue a credit note for the rest of ${label} to release its time, then edit it\\.$`)],
  ])("the %s editing an entry on a %s invoice", async (who, state, message) => {
    const actor = who === "owner" ? owner : member;
    const { entry, label } = await lockedEntry(actor, state);
    await expect(updateTimeEntry(actor, { id: entry.id, durationSeconds: 60 })).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(message(label)) });
    expect((await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).durationSeconds).toBe(3_600);
  });

  it("a member deleting an entry on a draft is told whom to ask", async () => {
    const { entry, label } = await lockedEntry(member, "draft");
    await expect(deleteTimeEntry(member, { id: entry.id })).rejects.toMatchObject({ message: `This time entry is billed on invoice ${label}; ask an owner or admin to release it from ${label} if it needs to go.` });
    expect(await db.timeEntry.count({ where: { id: entry.id } })).toBe(1);
  });
});

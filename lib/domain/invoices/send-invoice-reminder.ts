import { z } from "zod";
import { db, inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { formatIsoDate, isoDaysBetween, localDateOf } from "@/lib/domain/dates";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { formatMoney } from "@/lib/domain/money";
import { Email, Id, OptionalText } from "@/lib/domain/schemas";
import { deliverInvoiceDocument } from "./deliver-invoice-document";
import { findInvoice } from "./find-invoice";
import { frozenBuyer } from "./invoice-parties";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

export const SendInvoiceReminderInput = z.object({
  id: Id,
  /** Defaults to the client's invoice email, else its email. */
  to: Email.optional(),
  /** A personal note above the reminder. */
  message: OptionalText(2_000),
});
export type SendInvoiceReminderInput = z.input<typeof SendInvoiceReminderInput>;

type FoundInvoice = Awaited<ReturnType<typeof findInvoice>>;

/** What a reminder would bill and where it goes, or why there can be none. Shared with the dry run. */
function assertRemindable(invoice: FoundInvoice, toOverride: string | undefined) {
  if (invoice.kind === "credit_note") throw conflict(`${invoice.label} is a credit note; only invoices get payment reminders.`);
  if (invoice.status === "draft") throw conflict(`${invoice.label} is a draft; send it before reminding anyone of it.`);
  if (invoice.status === "paid") throw conflict(`${invoice.label} is paid; there is nothing to remind ${invoice.client.name} of.`);
  if (invoice.status === "void") throw conflict(`${invoice.label} is void; nothing is due on it.`);
  const balanceDue = invoice.total - invoice.amountPaid - invoice.amountCredited;
  if (balanceDue <= 0) throw conflict(`${invoice.label} has no balance due; there is nothing to remind ${invoice.client.name} of.`);
  const to = toOverride ?? invoice.client.invoiceEmail ?? invoice.client.email ?? frozenBuyer(invoice.buyer)?.email ?? null;
  if (!to) {
    throw invalidInput(`${invoice.client.name} has no email address. Add one to the client or give an address to send the reminder to.`, {
      to: "is required because the client has no email address",
    });
  }
  return { to, balanceDue };
}

const day = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

/** "is now 6 days overdue (it was due on 25 Nov 2026)", "is due today", "is due on 25 Dec 2026, in 24 days". */
export function dueStatement(dueDate: string, today: string): string {
  const late = isoDaysBetween(dueDate, today);
  const due = formatIsoDate(dueDate, "d MMM yyyy");
  if (late > 0) return `was due on ${due} and is now ${day(late)} overdue`;
  if (late === 0) return `is due today (${due})`;
  return `is due on ${due}, in ${day(-late)}`;
}

/** The reminder as the outbox keeps it. */
export function renderReminderMessage(invoice: InvoiceDetail, today: string, message: string | null): { subject: string; body: string } {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const late = isoDaysBetween(invoice.dueDate, today);
  const seller = invoice.seller.name;
  const paidSoFar = invoice.amountPaid + invoice.amountCredited;
  const body = [
    `Dear ${invoice.buyer.name},`,
    "",
    message ?? `This is a friendly reminder about invoice ${invoice.label} from ${seller}.`,
    "",
    `Invoice ${invoice.label}, issued ${formatIsoDate(invoice.issueDate, "d MMM yyyy")}, ${dueStatement(invoice.dueDate, today)}.`,
    `Balance due: ${money(invoice.balanceDue)}${paidSoFar ? ` (of ${money(invoice.total)}; ${money(paidSoFar)} already settled)` : ""}.`,
    `The invoice is attached as ${invoice.label}.pdf.`,
    ...(invoice.seller.paymentInstructions ? ["", "How to pay:", invoice.seller.paymentInstructions] : []),
    "",
    `— ${seller}`,
  ].join("\n");
  const when = late > 0 ? `${day(late)} overdue` : `due ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}`;
  return { subject: `Reminder: invoice ${invoice.label} from ${seller} — ${money(invoice.balanceDue)} ${when}`, body };
}

/**
 * Reminds the client of a sent invoice's balance: a message in the outbox (kind reminder) that
 * says how many days overdue it is (or when it is due) and what is due, with the invoice's
 * PDF attached. `tx`: a transaction to write in (a keyed call's), else one of its own.
 * @throws forbidden without invoices:send; not_found; conflict for a draft, paid or void
 *   invoice, a credit note, or nothing due; invalid_input when there is no address to send to
 * @returns the invoice, its deliveries now ending with the reminder
 */
export async function sendInvoiceReminder(actor: Actor, input: SendInvoiceReminderInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:send", "send invoice reminders");
  const data = parseInput(SendInvoiceReminderInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const found = await findInvoice(tx, actor, data.id);
    const { to } = assertRemindable(found, data.to);
    // Conditional on the state just checked: a payment that settles it a moment earlier wins,
    // and no reminder goes out for a paid invoice.
    const still = await tx.invoice.updateMany({
      where: { id: found.id, kind: "invoice", status: "sent", amountPaid: found.amountPaid, amountCredited: found.amountCredited },
      data: { updatedAt: now() },
    });
    if (still.count !== 1) throw conflict(`${found.label} changed a moment ago; look at it again before reminding.`);

    const invoice = toInvoiceDetail(await tx.invoice.findUniqueOrThrow({ where: { id: found.id }, include: invoiceDetailInclude }));
    const message = renderReminderMessage(invoice, localDateOf(now(), found.workspace.timeZone), data.message);
    await deliverInvoiceDocument(tx, { workspaceId: actor.workspaceId, invoiceId: found.id, kind: "reminder", toAddress: to, ...message });
    return tx.invoice.findUniqueOrThrow({ where: { id: found.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}

/**
 * The dry run of `sendInvoiceReminder`: the same refusals, nothing written.
 * @returns what a confirmation asks about
 */
export async function checkInvoiceReminder(actor: Actor, input: SendInvoiceReminderInput) {
  assertCan(actor, "invoices:send", "send invoice reminders");
  const data = parseInput(SendInvoiceReminderInput, input);
  const invoice = await findInvoice(db, actor, data.id);
  const { to, balanceDue } = assertRemindable(invoice, data.to);
  const today = localDateOf(now(), invoice.workspace.timeZone);
  const late = isoDaysBetween(localDateOf(invoice.dueDate, invoice.workspace.timeZone), today);
  return { label: invoice.label, clientName: invoice.client.name, currency: invoice.currency, balanceDue, daysOverdue: Math.max(late, 0), to };
}

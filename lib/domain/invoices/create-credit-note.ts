import { z } from "zod";
import { db, inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { recordAuditEvent } from "@/lib/domain/audit/record-audit-event";
import { storedDiscount, storedTaxes, type InvoiceTax } from "@/lib/domain/billing/invoice-adjustments";
import { documentLabel } from "@/lib/domain/billing/invoice-lines";
import { invoiceTotals } from "@/lib/domain/billing/invoice-totals";
import { now } from "@/lib/domain/clock";
import { formatIsoDate, localDateOf, startOfLocalDay } from "@/lib/domain/dates";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { formatMoney } from "@/lib/domain/money";
import { Amount, Email, Id, OptionalText, printable } from "@/lib/domain/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { deliverInvoiceDocument } from "./deliver-invoice-document";
import { findInvoice } from "./find-invoice";
import { buyerOf, frozenBuyer, sellerOf } from "./invoice-parties";
import { refundDueOf, settledStatus } from "./invoice-settlement";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";

const CreditLine = z.object({
  description: z.string().trim().min(1, "is required").max(200, "must be at most 200 characters").refine(...printable()),
  /** Minor units, entered positive (before tax); stored negative on the credit note. */
  amount: Amount,
});

export const CreateCreditNoteInput = z.object({
  /** The sent or paid invoice to credit. */
  invoiceId: Id,
  /** A partial credit: fixed amounts before tax (the invoice's taxes are added at its rates). Omitted: the whole invoice. */
  lines: z.array(CreditLine).min(1, "needs at least one line").max(20, "at most 20 lines").optional(),
  /** Printed on the credit note as its notes: why it was issued. */
  reason: OptionalText(2_000),
  /** Defaults to the address the invoice went to, else the client's invoice email or email. */
  to: Email.optional(),
  /**
   * Whether the invoice's time entries become unbilled again when this credit note cancels what is
   * left of it (default true). Only a credit that leaves the invoice fully credited can release time.
   */
  releaseTime: z.boolean().optional(),
});
export type CreateCreditNoteInput = z.input<typeof CreateCreditNoteInput>;

type Original = Awaited<ReturnType<typeof findInvoice>>;

/**
 * The credit note's totals from its (negative) lines at the original's tax rates. The shared
 * totals function rounds half away from zero, so a credit of X is rounded exactly as an invoice
 * of X would be, mirrored.
 */
export function creditNoteTotals(lines: readonly { amount: number }[], taxes: readonly Pick<InvoiceTax, "label" | "rate">[]) {
  return invoiceTotals(lines, { taxes });
}

interface CreditNotePlan {
  /** Whether this credit note leaves the invoice fully credited. */
  full: boolean;
  lines: { description: string; projectId: string | null; taskId: string | null; quantitySeconds: number; unitRate: number; amount: number }[];
  subtotal: number;
  discount: Prisma.InputJsonValue | undefined;
  discountAmount: number;
  taxes: InvoiceTax[];
  taxAmount: number;
  /** Negative. */
  total: number;
  /** Where it goes. */
  to: string;
}

/**
 * What the credit note would be, or why it cannot be issued — shared by issuing and by the dry run.
 * A full credit (no lines) copies the invoice's lines, discount and taxes negated, to the cent, so
 * the two cancel exactly whatever rounding made the invoice's figures.
 */
export async function planCreditNote(tx: DbTx, original: Original, data: z.output<typeof CreateCreditNoteInput>): Promise<CreditNotePlan> {
  const money = (amount: number) => formatMoney(amount, original.currency);
  if (original.kind === "credit_note") throw conflict(`${original.label} is a credit note; only invoices can be credited.`);
  if (original.status === "draft") throw conflict(`${original.label} is still a draft: edit it or void it instead of crediting it.`);
  if (original.status === "void") throw conflict(`${original.label} is void; there is nothing to credit.`);
  const creditable = original.total - original.amountCredited;
  if (creditable <= 0) throw conflict(`${original.label} is already fully credited.`);

  let plan: Omit<CreditNotePlan, "full" | "to">;
  if (!data.lines) {
    if (original.amountCredited > 0) {
      throw conflict(
        `${original.label} already has ${money(original.amountCredited)} credited; credit the remaining ${money(creditable)} with lines instead of a full credit.`,
      );
    }
    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: original.id }, orderBy: { position: "asc" } });
    plan = {
      lines: lines.map((line) => ({
        description: line.description,
        projectId: line.projectId,
        taskId: line.taskId,
        quantitySeconds: -line.quantitySeconds,
        unitRate: line.unitRate,
        amount: -line.amount,
      })),
      subtotal: -original.subtotal,
      discount: storedDiscount(original.discount) ?? undefined,
      discountAmount: -original.discountAmount,
      taxes: storedTaxes(original.taxes).map((tax) => ({ ...tax, amount: -tax.amount })),
      taxAmount: -original.taxAmount,
      total: -original.total,
    };
  } else {
    const lines = data.lines.map((line) => ({ description: line.description, projectId: null, taskId: null, quantitySeconds: 0, unitRate: 0, amount: -line.amount }));
    const totals = creditNoteTotals(lines, storedTaxes(original.taxes));
    if (-totals.total > creditable) {
      throw invalidInput(
        `At most ${money(creditable)} of ${original.label} can still be credited (tax included); these lines come to ${money(-totals.total)}.`,
        { lines: `must come to at most ${money(creditable)} with tax` },
      );
    }
    plan = { lines, discount: undefined, ...totals };
  }
  const full = original.amountCredited - plan.total >= original.total;
  if (data.releaseTime && !full) {
    throw invalidInput("Only a credit note that cancels the rest of the invoice releases its time.", { releaseTime: "only with a full credit" });
  }
  const to = data.to ?? frozenBuyer(original.buyer)?.email ?? original.client.invoiceEmail ?? original.client.email;
  if (!to) {
    throw invalidInput(`${original.client.name} has no email address. Add one to the client or give an address to send to.`, {
      to: "is required because the client has no email address",
    });
  }
  return { ...plan, full, to };
}

/**
 * Issues a credit note against a sent or paid invoice: in full (no `lines`: every line, the
 * discount and each tax negated) or in part (`lines`: fixed amounts before tax, the invoice's
 * taxes added at its rates; at most what is still creditable, total − already credited, tax
 * included). It takes the next credit note number, references the invoice, is issued at once
 * (sent, due the day it is issued, seller and buyer frozen) and goes to the client's outbox.
 *
 * The invoice's amount credited grows, conditional on the figures read, so two credit notes (or a
 * credit note and a payment) racing past what is creditable lose with a conflict. What it owes
 * and its status follow invoice-settlement.ts: what was paid beyond what is left owing becomes a
 * refund due. When the invoice ends fully credited its time entries are unbilled again, as after a
 * void (unless `releaseTime` is false); a partial credit keeps them billed.
 * Refused: a draft (edit or void it), a void invoice, a credit note, an invoice already fully
 * credited, an amount over what is creditable. `tx`: a transaction to write in, else one of its own.
 * @returns the credit note
 */
export async function createCreditNote(actor: Actor, input: CreateCreditNoteInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:credit", "issue credit notes");
  const data = parseInput(CreateCreditNoteInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const original = await findInvoice(tx, actor, data.invoiceId);
    const plan = await planCreditNote(tx, original, data);

    const amountCredited = original.amountCredited - plan.total;
    const figures = { total: original.total, amountPaid: original.amountPaid, amountCredited };
    const status = settledStatus(figures);
    const latest = status === "paid" && original.status !== "paid"
      ? await tx.payment.findFirst({ where: { invoiceId: original.id }, orderBy: { paidOn: "desc" } })
      : null;
    // Conditional on the figures the plan was made from: a concurrent credit note, payment or removal loses.
    const credited = await tx.invoice.updateMany({
      where: { id: original.id, status: original.status, amountPaid: original.amountPaid, amountCredited: original.amountCredited },
      data: { amountCredited, status, ...(latest ? { paidAt: latest.paidOn } : {}) },
    });
    if (credited.count !== 1) throw conflict(`${original.label} changed a moment ago (a payment or another credit note); reload and try again.`);
    if (plan.full && data.releaseTime !== false) {
      await tx.timeEntry.updateMany({ where: { invoiceLine: { invoiceId: original.id } }, data: { invoiceLineId: null } });
    }

    const workspace = await tx.workspace.update({ where: { id: actor.workspaceId }, data: { nextCreditNoteNumber: { increment: 1 } } });
    const zone = workspace.timeZone;
    const today = localDateOf(now(), zone);
    const issued = startOfLocalDay(today, zone);
    const note = await tx.invoice.create({
      data: {
        workspaceId: actor.workspaceId,
        clientId: original.clientId,
        kind: "credit_note",
        number: workspace.nextCreditNoteNumber - 1,
        status: "sent",
        issueDate: issued,
        dueDate: issued,
        currency: original.currency,
        periodStart: original.periodStart,
        periodEnd: original.periodEnd,
        notes: data.reason ?? "",
        taxNote: original.taxNote,
        subtotal: plan.subtotal,
        discount: plan.discount,
        discountAmount: plan.discountAmount,
        taxes: plan.taxes,
        taxAmount: plan.taxAmount,
        total: plan.total,
        creditedInvoiceId: original.id,
        seller: sellerOf(workspace),
        buyer: buyerOf(original.client),
        sentAt: now(),
        lines: { create: plan.lines.map((line, index) => ({ position: index + 1, ...line })) },
      },
    });
    const label = documentLabel(workspace, note);
    await deliverInvoiceDocument(tx, {
      workspaceId: actor.workspaceId,
      invoiceId: note.id,
      kind: "credit_note",
      toAddress: plan.to,
      ...renderCreditNoteMessage({
        label,
        originalLabel: original.label,
        originalIssueDate: localDateOf(original.issueDate, zone),
        workspaceName: workspace.legalName || workspace.name,
        clientName: original.client.name,
        currency: original.currency,
        issueDate: today,
        lines: plan.lines,
        subtotal: plan.subtotal,
        taxes: plan.taxes,
        total: plan.total,
        reason: data.reason,
      }),
    });
    await recordAuditEvent(
      {
        type: "credit_note.issued",
        workspaceId: actor.workspaceId,
        userId: actor.userId,
        detail: { creditNote: label, invoice: original.label, amount: formatMoney(-plan.total, original.currency), full: plan.full },
      },
      tx,
    );
    return tx.invoice.findUniqueOrThrow({ where: { id: note.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}

/** The credit note's dry run: refuses exactly as issuing would, and says what it would issue. */
export async function checkCreditNote(actor: Actor, input: CreateCreditNoteInput, tx: DbTx = db) {
  assertCan(actor, "invoices:credit", "issue credit notes");
  const data = parseInput(CreateCreditNoteInput, input);
  const original = await findInvoice(tx, actor, data.invoiceId);
  const plan = await planCreditNote(tx, original, data);
  return {
    label: original.label,
    clientName: original.client.name,
    currency: original.currency,
    /** Positive: what the credit note takes off. */
    amount: -plan.total,
    full: plan.full,
    releasesTime: plan.full && data.releaseTime !== false,
    refundDue: refundDueOf({ total: original.total, amountPaid: original.amountPaid, amountCredited: original.amountCredited - plan.total }),
    to: plan.to,
  };
}

interface CreditNoteMessage {
  label: string;
  originalLabel: string;
  originalIssueDate: string;
  workspaceName: string;
  clientName: string;
  currency: string;
  issueDate: string;
  lines: { description: string; amount: number }[];
  subtotal: number;
  taxes: InvoiceTax[];
  total: number;
  reason: string | null;
}

/** The outbox copy of a credit note, as a mail server would have delivered it. */
export function renderCreditNoteMessage(note: CreditNoteMessage): { subject: string; body: string } {
  const money = (amount: number) => formatMoney(amount, note.currency);
  const date = (iso: string) => formatIsoDate(iso, "d MMMM yyyy");
  const body = [
    `Dear ${note.clientName},`,
    "",
    `Please find credit note ${note.label} from ${note.workspaceName} below. It credits invoice ${note.originalLabel} of ${date(note.originalIssueDate)}.`,
    "",
    `Credit note ${note.label}`,
    `Issued: ${date(note.issueDate)}`,
    `Credits: invoice ${note.originalLabel}`,
    "",
    ...note.lines.map((line) => `  ${line.description}: ${money(line.amount)}`),
    "",
    `Subtotal: ${money(note.subtotal)}`,
    ...note.taxes.map((tax) => `${tax.label} (${(tax.rate / 100).toFixed(2)}%): ${money(tax.amount)}`),
    `Total credited: ${money(note.total)}`,
    ...(note.reason ? ["", note.reason] : []),
    "",
    `— ${note.workspaceName}`,
  ].join("\n");
  return { subject: `Credit note ${note.label} from ${note.workspaceName} for invoice ${note.originalLabel} — ${money(note.total)}`, body };
}

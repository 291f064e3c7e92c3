import { z } from "zod";
import { inTransaction, type DbTx } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { storedDiscount, storedTaxes } from "@/lib/domain/billing/invoice-adjustments";
import { LINE_GROUPINGS, type LineGrouping } from "@/lib/domain/billing/invoice-lines";
import { invoiceTotals } from "@/lib/domain/billing/invoice-totals";
import { DATES_OUT_OF_ORDER, datesInOrder, IsoDate, localDateOf, startOfLocalDay } from "@/lib/domain/dates";
import { conflict, invalidInput, parseInput } from "@/lib/domain/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { Id, printable } from "@/lib/domain/schemas";
import { assertDiscountFits, DiscountInput, TaxesInput, TaxNote } from "./adjustment-input";
import { claimInvoiceLines } from "./claim-invoice-lines";
import { findInvoice } from "./find-invoice";
import { invoiceDetailInclude, toInvoiceDetail, type InvoiceDetail } from "./invoice-view";
import { planInvoice } from "./plan-invoice";

export const UpdateInvoiceDraftInput = z
  .object({
    id: Id,
    issueDate: IsoDate.optional(),
    dueDate: IsoDate.optional(),
    notes: z.string().trim().max(2_000, "must be at most 2000 characters").refine(...printable(true)).optional(),
    taxNote: TaxNote.optional(),
    /** Replaces the taxes ([] removes them). */
    taxes: TaxesInput.optional(),
    /** Replaces the discount; null removes it. */
    discount: DiscountInput.nullable().optional(),
    /** New descriptions for some of the draft's lines, by line id. */
    lines: z
      .array(z.object({ id: Id, description: z.string().trim().min(1, "is required").max(500, "must be at most 500 characters").refine(...printable()) }))
      .max(500)
      .superRefine((lines, ctx) => {
        // One description per line: a second for the same line would silently win.
        const seen = new Set<string>();
        lines.forEach((line, index) => {
          if (seen.has(line.id)) ctx.addIssue({ code: "custom", message: "names a line already given above", path: [index, "id"] });
          seen.add(line.id);
        });
      })
      .optional(),
    /**
     * Re-pull time: release the draft's entries and bill the client's unbilled billable time
     * between from and to again (both, or neither for the draft's own period), at current rates.
     */
    refreshTime: z
      .object({
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        grouping: z.enum(LINE_GROUPINGS as [LineGrouping, ...LineGrouping[]], { error: "must be project or task" }).optional(),
      })
      .refine((r) => (r.from === undefined) === (r.to === undefined), { message: "give both from and to, or neither for the draft's own period", path: ["from"] })
      .refine(datesInOrder, DATES_OUT_OF_ORDER)
      .optional(),
  })
  .refine((v) => !(v.lines && v.refreshTime), {
    message: "re-pulling time rebuilds the lines; edit their descriptions afterwards",
    path: ["lines"],
  });
export type UpdateInvoiceDraftInput = z.input<typeof UpdateInvoiceDraftInput>;

/**
 * Edits a draft invoice: issue and due dates (due on or after issue), notes, tax note, taxes,
 * discount, line descriptions (by line id), or re-pulls its time (`refreshTime`): the entries
 * the draft holds are released and the client's unbilled billable time in the range is claimed
 * again (claimInvoiceLines, as when creating), rebuilding the lines at current rates — edited
 * descriptions are replaced — while the draft keeps its number. Totals are recomputed on every
 * edit (invoiceTotals). All of it in one transaction, conditional on the invoice still being a
 * draft that nobody changed since it was read: a send, void or other edit that commits first
 * wins and this one is refused with a conflict, changing nothing.
 *
 * Errors: notFound (not this workspace's invoice); conflict (not a draft — says what to do
 * instead — or changed a moment ago, or time taken by another draft); invalidInput (bad field,
 * a line of another invoice, due before issue, a discount above the subtotal, no time to bill).
 */
export async function updateInvoiceDraft(actor: Actor, input: UpdateInvoiceDraftInput, tx?: DbTx): Promise<InvoiceDetail> {
  assertCan(actor, "invoices:write", "edit invoices");
  const data = parseInput(UpdateInvoiceDraftInput, input);
  const row = await inTransaction(tx, async (tx) => {
    const invoice = await findInvoice(tx, actor, data.id);
    assertEditable(invoice);
    const zone = invoice.workspace.timeZone;
    const issueDate = data.issueDate ?? localDateOf(invoice.issueDate, zone);
    const dueDate = data.dueDate ?? localDateOf(invoice.dueDate, zone);
    if (dueDate < issueDate) throw invalidInput(`The due date (${dueDate}) is before the issue date (${issueDate}).`, { dueDate: "must be on or after the issue date" });
    const taxes = data.taxes ?? storedTaxes(invoice.taxes).map(({ label, rate }) => ({ label, rate }));
    const discount = data.discount === undefined ? storedDiscount(invoice.discount) : data.discount;

    // Taken first, conditional on the draft as read: it holds the invoice row, so a send or void
    // committed in between makes this match nothing, and one that comes later waits for this.
    const claimed = await tx.invoice.updateMany({
      where: { id: invoice.id, status: "draft", updatedAt: invoice.updatedAt },
      data: { notes: data.notes ?? invoice.notes },
    });
    if (claimed.count !== 1) throw conflict(`${invoice.label} changed a moment ago (sent, voided or edited); reload it and edit again.`);

    // Stryker disable next-line ObjectLiteral: without a re-pull this writes back the period the draft already has
    let period = { periodStart: invoice.periodStart, periodEnd: invoice.periodEnd };
    if (data.refreshTime) {
      const current = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, select: { taskId: true } });
      const from = data.refreshTime.from ?? (invoice.periodStart && localDateOf(invoice.periodStart, zone));
      const to = data.refreshTime.to ?? (invoice.periodEnd && localDateOf(invoice.periodEnd, zone));
      // Stryker disable next-line LogicalOperator: a draft's period has both ends or neither, and the schema takes both or neither
      if (!from || !to) throw invalidInput(`${invoice.label} has no period; give from and to.`, { "refreshTime.from": "is required: the draft has no period" });
      // Stryker disable next-line ObjectLiteral: deleting the lines below sets their entries' invoiceLineId to null as well (onDelete: SetNull); released here so it does not hang on the schema
      await tx.timeEntry.updateMany({ where: { invoiceLine: { invoiceId: invoice.id } }, data: { invoiceLineId: null } });
      await tx.invoiceLine.deleteMany({ where: { invoiceId: invoice.id } });
      const plan = await planInvoice(tx, actor, {
        clientId: invoice.clientId,
        from,
        to,
        // A draft does not store its grouping: lines with tasks were grouped per task.
        // Stryker disable next-line StringLiteral: planInvoice groups per project whatever is not "task"
        grouping: data.refreshTime.grouping ?? (current.some((line) => line.taskId) ? "task" : "project"),
        issueDate,
        dueDate,
        taxes,
        // Stryker disable next-line LogicalOperator,StringLiteral: the plan is used for its lines and period only; totals, notes and tax note are set below
        discount: discount ?? undefined,
        // Stryker disable next-line StringLiteral: as above
        taxNote: "",
        // Stryker disable next-line StringLiteral: as above
        notes: "",
      });
      await claimInvoiceLines(tx, actor, invoice.id, plan, "Nothing was changed");
      period = {
        periodStart: plan.periodStart ? startOfLocalDay(plan.periodStart, zone) : null,
        periodEnd: plan.periodEnd ? startOfLocalDay(plan.periodEnd, zone) : null,
      };
    }

    if (data.lines?.length) {
      const own = new Set((await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, select: { id: true } })).map((line) => line.id));
      const foreign = data.lines.findIndex((line) => !own.has(line.id));
      if (foreign !== -1) {
        // Stryker disable next-line OptionalChaining: foreign is an index found in data.lines, for the type checker only
        throw invalidInput(`Line ${data.lines[foreign]?.id} is not a line of ${invoice.label}.`, { [`lines.${foreign}.id`]: `is not a line of ${invoice.label}` });
      }
      for (const line of data.lines) {
        await tx.invoiceLine.update({ where: { id: line.id }, data: { description: line.description } });
      }
    }

    const lines = await tx.invoiceLine.findMany({ where: { invoiceId: invoice.id }, select: { amount: true } });
    // Stryker disable next-line ArithmeticOperator: a draft's lines are positive and assertDiscountFits compares with the subtotal's magnitude
    const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
    assertDiscountFits(discount, subtotal, invoice.currency);
    const totals = invoiceTotals(lines, { discount, taxes });
    await tx.invoice.update({
      where: { id: invoice.id },
      data: {
        issueDate: startOfLocalDay(issueDate, zone),
        dueDate: startOfLocalDay(dueDate, zone),
        taxNote: data.taxNote ?? invoice.taxNote,
        taxes: totals.taxes,
        discount: discount ?? Prisma.DbNull,
        discountAmount: totals.discountAmount,
        subtotal: totals.subtotal,
        taxAmount: totals.taxAmount,
        total: totals.total,
        ...period,
      },
    });
    return tx.invoice.findUniqueOrThrow({ where: { id: invoice.id }, include: invoiceDetailInclude });
  });
  return toInvoiceDetail(row);
}

/** Only drafts are edited; anything else says what to do instead. */
function assertEditable(invoice: { label: string; status: string; kind: string }): void {
  if (invoice.kind !== "invoice") throw conflict(`${invoice.label} is a credit note; credit notes are not edited.`);
  if (invoice.status === "draft") return;
  if (invoice.status === "void") throw conflict(`${invoice.label} is void; it cannot be edited. Create a new invoice for its time instead.`);
  throw conflict(
    `${invoice.label} is already ${invoice.status}; only drafts can be edited. To correct it, issue a credit note against it and invoice again.`,
  );
}

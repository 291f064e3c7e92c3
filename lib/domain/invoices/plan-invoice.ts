/**
 * What a new invoice would contain: client, dates, lines and totals. The preview shows
 * a plan; creating a draft stores exactly the same plan.
 */
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import type { InvoiceDiscount, InvoiceTax } from "@/lib/domain/billing/invoice-adjustments";
import { invoiceLabel, LINE_GROUPINGS, type DraftLine, type LineGrouping } from "@/lib/domain/billing/invoice-lines";
import { invoiceTotals, type InvoiceTotals } from "@/lib/domain/billing/invoice-totals";
import { now } from "@/lib/domain/clock";
import { addIsoDays, DATES_OUT_OF_ORDER, datesInOrder, formatIsoDate, IsoDate, localDateOf } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";
import { Id, printable } from "@/lib/domain/schemas";
import { assertDiscountFits, DiscountInput, LegacyTaxRate, requestedTaxes, TaxesInput, TaxNote } from "./adjustment-input";
import { loadBillableCandidates, loadSelectedClient, linesForCandidates, type BillableCandidate } from "./billable-candidates";

export const InvoicePlanInput = z
  .object({
    clientId: Id,
    /** Bill unbilled billable time between these calendar dates (inclusive)… */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    /** …or exactly these time entries. */
    entryIds: z.array(Id).min(1, "choose at least one entry").max(5_000).optional(),
    projectIds: z.array(Id).max(50).optional(),
    grouping: z.enum(LINE_GROUPINGS as [LineGrouping, ...LineGrouping[]], { error: "must be project or task" }).default("project"),
    issueDate: IsoDate.optional(),
    dueDate: IsoDate.optional(),
    /** Up to two named taxes ({label, rate in basis points}), each on (subtotal − discount). */
    taxes: TaxesInput.optional(),
    /** Legacy: one tax labelled "Tax", in basis points (2000 = 20 %). Not with `taxes`. */
    taxRate: LegacyTaxRate.optional(),
    /** A rate (basis points) off the subtotal or a fixed amount (minor units), before tax. */
    discount: DiscountInput.optional(),
    /** A reverse-charge or exemption statement printed under the taxes. */
    taxNote: TaxNote.default(""),
    notes: z.string().trim().max(2_000, "must be at most 2000 characters").refine(...printable(true)).default(""),
  })
  .refine((v) => v.taxes === undefined || v.taxRate === undefined, {
    message: "give either named taxes or the single tax rate (one tax labelled Tax), not both",
    path: ["taxRate"],
  })
  .refine((v) => v.entryIds || (v.from && v.to), {
    message: "give either a date range (from and to) or entryIds",
    path: ["from"],
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER)
  .refine((v) => !(v.issueDate && v.dueDate) || v.issueDate <= v.dueDate, {
    message: "must be on or after the issue date",
    path: ["dueDate"],
  });
export type InvoicePlanInput = z.input<typeof InvoicePlanInput>;

export interface InvoicePlan {
  client: { id: string; name: string; email: string | null };
  /** The label the invoice would get if created now, e.g. "INV-0004". */
  nextLabel: string;
  currency: string;
  issueDate: string;
  dueDate: string;
  periodStart: string | null;
  periodEnd: string | null;
  grouping: LineGrouping;
  /** Basis points: the sum of the taxes' rates (kept for callers written before named taxes). */
  taxRate: number;
  /** Each tax with its amount (as in `totals.taxes`). */
  taxes: InvoiceTax[];
  discount: InvoiceDiscount | null;
  taxNote: string;
  notes: string;
  entries: BillableCandidate[];
  lines: DraftLine[];
  totals: InvoiceTotals;
}

/**
 * The plan for `data`, read in `tx`.
 * @throws invalid_input at clientId / projectIds naming no client of the workspace or no project
 *   of the client, at entryIds for chosen entries that cannot be billed, at from when the range
 *   holds no unbilled billable time, and for a discount larger than the subtotal
 */
export async function planInvoice(tx: DbTx, actor: Actor, data: z.output<typeof InvoicePlanInput>): Promise<InvoicePlan> {
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } });
  const client = await loadSelectedClient(tx, actor, data.clientId);

  // Chosen entries win over dates.
  const range =
    !data.entryIds &&
    // Stryker disable next-line ConditionalExpression,LogicalOperator: without entryIds the schema requires both dates; this narrows their types
    (data.from && data.to)
      ? { from: data.from, to: data.to, timeZone: workspace.timeZone }
      : undefined;
  const entries = await loadBillableCandidates(tx, actor, {
    clientId: client.id,
    range,
    entryIds: data.entryIds,
    projectIds: data.projectIds,
  });
  if (entries.length === 0) {
    // Only a date range can come up empty: chosen entries that cannot be billed were refused while loading.
    throw invalidInput(
      range
        ? `${client.name} has no unbilled billable time between ${formatIsoDate(range.from, "d MMM yyyy")} and ${formatIsoDate(range.to, "d MMM yyyy")}.`
        : // Stryker disable next-line StringLiteral: unreachable, as above
          `None of the chosen entries can be billed to ${client.name}.`,
      { from: "has no unbilled billable time" },
    );
  }

  const lines = linesForCandidates(entries, data.grouping, workspace.currency);
  const issueDate = data.issueDate ?? localDateOf(now(), workspace.timeZone);
  const discount = data.discount ?? null;
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  assertDiscountFits(discount, subtotal, workspace.currency);
  const totals = invoiceTotals(lines, { discount, taxes: requestedTaxes(data) });
  return {
    client: { id: client.id, name: client.name, email: client.email },
    nextLabel: invoiceLabel(workspace.invoicePrefix, workspace.nextInvoiceNumber),
    currency: workspace.currency,
    issueDate,
    dueDate: data.dueDate ?? addIsoDays(issueDate, workspace.paymentTermsDays),
    ...workPeriod(entries, workspace.timeZone),
    grouping: data.grouping,
    taxRate: totals.taxes.reduce((sum, tax) => sum + tax.rate, 0),
    taxes: totals.taxes,
    discount,
    taxNote: data.taxNote,
    notes: data.notes,
    entries,
    lines,
    totals,
  };
}

/**
 * The work an invoice bills: the first and last local dates of its entries — never the range
 * they were looked for in (a month's filter over work from the 3rd to the 24th reads 3–24).
 */
export function workPeriod(entries: readonly { startedAt: Date }[], timeZone: string): { periodStart: string | null; periodEnd: string | null } {
  const dates = entries.map((entry) => localDateOf(entry.startedAt, timeZone)).sort();
  return { periodStart: dates[0] ?? null, periodEnd: dates.at(-1) ?? null };
}

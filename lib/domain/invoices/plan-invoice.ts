/**
 * What a new invoice would contain: client, dates, lines and totals. The preview shows
 * a plan; creating a draft stores exactly the same plan.
 */
import { z } from "zod";
import type { DbTx } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { invoiceLabel, invoiceTotals, LINE_GROUPINGS, type DraftLine, type InvoiceTotals, type LineGrouping } from "@/lib/domain/billing/invoice-lines";
import { now } from "@/lib/domain/clock";
import { addIsoDays, formatIsoDate, IsoDate, localDateOf } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import { loadBillableCandidates, linesForCandidates, type BillableCandidate } from "./billable-candidates";

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
    /** Basis points: 2000 = 20 %. */
    taxRate: z.int().min(0, "cannot be negative").max(10_000, "cannot exceed 100%").default(0),
    notes: z.string().trim().max(2_000, "must be at most 2000 characters").default(""),
  })
  .refine((v) => v.entryIds || (v.from && v.to), {
    message: "give either a date range (from and to) or entryIds",
    path: ["from"],
  })
  .refine((v) => !(v.from && v.to) || v.from <= v.to, { message: "must be on or before to", path: ["from"] })
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
  taxRate: number;
  notes: string;
  entries: BillableCandidate[];
  lines: DraftLine[];
  totals: InvoiceTotals;
}

export async function planInvoice(tx: DbTx, actor: Actor, data: z.output<typeof InvoicePlanInput>): Promise<InvoicePlan> {
  const workspace = await tx.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId } });
  const client = await tx.client.findFirst({ where: { id: data.clientId, workspaceId: actor.workspaceId } });
  if (!client) throw invalidInput("Choose a client from this workspace.", { clientId: "is not a client in this workspace" });

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
  // Entries come oldest first.
  const entryDates = entries.map((entry) => localDateOf(entry.startedAt, workspace.timeZone));
  return {
    client: { id: client.id, name: client.name, email: client.email },
    nextLabel: invoiceLabel(workspace.invoicePrefix, workspace.nextInvoiceNumber),
    currency: workspace.currency,
    issueDate,
    dueDate: data.dueDate ?? addIsoDays(issueDate, workspace.paymentTermsDays),
    periodStart: range?.from ?? entryDates[0] ?? null,
    periodEnd: range?.to ?? entryDates.at(-1) ?? null,
    grouping: data.grouping,
    taxRate: data.taxRate,
    notes: data.notes,
    entries,
    lines,
    totals: invoiceTotals(lines, data.taxRate),
  };
}

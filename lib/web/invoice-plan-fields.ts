/**
 * The new-invoice form travels as query parameters (so a preview can be bookmarked) and
 * then as hidden fields of "Create draft". Both read through here, so the draft is made
 * from exactly the input that was previewed.
 */
import { addIsoDays, firstOfMonth } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";
import type { InvoicePlanInput } from "@/lib/domain/invoices/plan-invoice";
import { parseMoney } from "@/lib/domain/money";
import { ADJUSTMENT_FIELDS, toAdjustments } from "./invoice-adjustment-fields";

/** `taxRate`: the single "Tax %" of links made before named taxes; the form now sends tax rows. */
export const PLAN_FIELDS = ["clientId", "from", "to", "grouping", "taxRate", "notes", "issueDate", "dueDate", ...ADJUSTMENT_FIELDS] as const;
export type PlanField = (typeof PLAN_FIELDS)[number];
/** The form's values as typed: strings, absent when empty. */
export type PlanFields = Partial<Record<PlanField, string>>;

export function readPlanFields(get: (name: PlanField) => string | undefined | null): PlanFields {
  const fields: PlanFields = {};
  for (const name of PLAN_FIELDS) {
    const value = get(name)?.trim();
    if (value) fields[name] = value;
  }
  return fields;
}

/** The domain input for the typed values; a rate or amount that does not parse is refused here. */
export function toInvoicePlanInput(fields: PlanFields): InvoicePlanInput {
  const { taxes, discount, taxNote } = toAdjustments(fields);
  let taxRate: number | undefined;
  if (fields.taxRate && taxes.length === 0) {
    const basisPoints = parseMoney(fields.taxRate.replace(/%$/, ""));
    if (basisPoints === null) throw invalidInput("Tax rate: enter a percentage like 20 or 7.5.", { taxRate: "enter a percentage like 20 or 7.5" });
    taxRate = basisPoints;
  }
  const grouping = fields.grouping ?? "project";
  if (grouping !== "project" && grouping !== "task") throw invalidInput("Grouping must be per project or per task.", { grouping: "must be project or task" });
  return {
    clientId: fields.clientId ?? "",
    from: fields.from,
    to: fields.to,
    grouping,
    ...(taxRate === undefined ? { taxes } : { taxRate }),
    ...(discount ? { discount } : {}),
    taxNote,
    notes: fields.notes ?? "",
    issueDate: fields.issueDate,
    dueDate: fields.dueDate,
  };
}

/** A range wide enough to catch all of a client's unbilled time: the start of the month a year ago, to today. */
export function defaultInvoiceRange(today: string): { from: string; to: string } {
  return { from: firstOfMonth(addIsoDays(today, -365)), to: today };
}

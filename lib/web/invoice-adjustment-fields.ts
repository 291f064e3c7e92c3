/**
 * The taxes, discount and tax note as a form types them — two tax rows (label + rate %), a
 * discount (percent or amount) and a note — shared by the new-invoice form and the draft
 * editor. Percentages and amounts are read as typed ("20", "7.5", "120.50") and refused here
 * when they do not parse; everything else is the domain's to check.
 */
import type { InvoiceDiscount } from "@/lib/domain/billing/invoice-adjustments";
import type { InvoiceTaxRate } from "@/lib/domain/billing/invoice-totals";
import { invalidInput } from "@/lib/domain/errors";
import { parseMoney } from "@/lib/domain/money";

export const ADJUSTMENT_FIELDS = ["tax1Label", "tax1Rate", "tax2Label", "tax2Rate", "discountKind", "discountValue", "discountLabel", "taxNote"] as const;
export type AdjustmentField = (typeof ADJUSTMENT_FIELDS)[number];
export type AdjustmentFields = Partial<Record<AdjustmentField, string>>;

const PERCENT = "enter a percentage like 20 or 7.5";

export function readAdjustmentFields(get: (name: AdjustmentField) => string | undefined | null): AdjustmentFields {
  const fields: AdjustmentFields = {};
  for (const name of ADJUSTMENT_FIELDS) {
    const value = get(name)?.trim();
    if (value) fields[name] = value;
  }
  return fields;
}

/** The typed rows as domain input: taxes (empty rows left out), a discount or null, the tax note. */
export function toAdjustments(fields: AdjustmentFields): { taxes: InvoiceTaxRate[]; discount: InvoiceDiscount | null; taxNote: string } {
  const taxes: InvoiceTaxRate[] = [];
  for (const row of [1, 2] as const) {
    const label = fields[`tax${row}Label`];
    const rate = fields[`tax${row}Rate`];
    if (!label && !rate) continue;
    if (!rate) throw invalidInput(`Tax ${row}: enter its rate.`, { [`tax${row}Rate`]: "is required for a named tax" });
    const basisPoints = parseMoney(rate.replace(/%$/, ""));
    if (basisPoints === null) throw invalidInput(`Tax ${row} rate: ${PERCENT}.`, { [`tax${row}Rate`]: PERCENT });
    taxes.push({ label: label ?? "", rate: basisPoints });
  }
  let discount: InvoiceDiscount | null = null;
  if (fields.discountValue) {
    const label = fields.discountLabel ?? "Discount";
    const value = parseMoney(fields.discountValue.replace(/%$/, ""));
    if (fields.discountKind === "amount") {
      if (value === null) throw invalidInput("Discount: enter an amount like 50 or 49.99.", { discountValue: "enter an amount like 50 or 49.99" });
      discount = { label, amount: value };
    } else {
      if (value === null) throw invalidInput(`Discount: ${PERCENT}.`, { discountValue: PERCENT });
      discount = { label, rate: value };
    }
  }
  return { taxes, discount, taxNote: fields.taxNote ?? "" };
}

/** The stored taxes and discount as the form's rows, for editing. */
export function adjustmentFieldsOf(invoice: { taxes: readonly InvoiceTaxRate[]; discount: InvoiceDiscount | null; taxNote: string }): AdjustmentFields {
  const percent = (basisPoints: number) => String(basisPoints / 100);
  const fields: AdjustmentFields = { taxNote: invoice.taxNote || undefined };
  invoice.taxes.forEach((tax, i) => {
    const row = i === 0 ? "tax1" : "tax2";
    fields[`${row}Label`] = tax.label;
    fields[`${row}Rate`] = percent(tax.rate);
  });
  if (invoice.discount) {
    fields.discountLabel = invoice.discount.label;
    if ("rate" in invoice.discount) {
      fields.discountKind = "percent";
      fields.discountValue = percent(invoice.discount.rate);
    } else {
      fields.discountKind = "amount";
      fields.discountValue = (invoice.discount.amount / 100).toFixed(2);
    }
  }
  return fields;
}

/** The domain's field names ("taxes.0.rate", "discount") → the form's ("tax1Rate", "discountValue"). */
export function adjustmentFieldErrors(fieldErrors: Readonly<Record<string, string>>): Record<string, string> {
  const names: Record<string, string> = {
    taxes: "tax1Label",
    "taxes.0.label": "tax1Label",
    "taxes.0.rate": "tax1Rate",
    "taxes.1.label": "tax2Label",
    "taxes.1.rate": "tax2Rate",
    discount: "discountValue",
    "discount.rate": "discountValue",
    "discount.amount": "discountValue",
    "discount.label": "discountLabel",
    taxRate: "tax1Rate",
  };
  const mapped: Record<string, string> = {};
  for (const [field, message] of Object.entries(fieldErrors)) mapped[names[field] ?? field] ??= message;
  return mapped;
}

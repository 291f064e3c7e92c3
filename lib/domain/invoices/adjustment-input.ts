/**
 * The taxes, discount and tax note a draft is created or edited with; shared by planning a new
 * invoice and editing a draft, so both accept and refuse the same input.
 */
import { z } from "zod";
import { printable } from "@/lib/domain/schemas";
import { formatMoney } from "@/lib/domain/money";
import { invalidInput } from "@/lib/domain/errors";
import type { InvoiceDiscount } from "@/lib/domain/billing/invoice-adjustments";
import { BASIS_POINTS, MAX_TAXES, type InvoiceTaxRate } from "@/lib/domain/billing/invoice-totals";

const Label = z.string().trim().min(1, "is required").max(40, "must be at most 40 characters").refine(...printable());
const Rate = z.int("must be a whole number of basis points").min(0, "cannot be negative").max(BASIS_POINTS, "cannot exceed 100%");

/** Up to two named taxes, each a label ("VAT") and a rate in basis points (2000 = 20 %). */
export const TaxesInput = z
  .array(z.object({ label: Label, rate: Rate }))
  .max(MAX_TAXES, `at most ${MAX_TAXES} taxes`)
  .refine((taxes) => new Set(taxes.map((tax) => tax.label.toLowerCase())).size === taxes.length, "each tax needs its own label");

/** A discount: a rate off the subtotal (basis points) or a fixed amount (minor units) — exactly one. */
export const DiscountInput = z
  .object({
    label: Label.default("Discount"),
    rate: Rate.optional(),
    amount: z.int("must be a whole number of cents").min(0, "cannot be negative").max(100_000_000_00, "is too high").optional(),
  })
  .refine((d) => (d.rate === undefined) !== (d.amount === undefined), "give either a rate or an amount, not both or neither")
  .transform((d): InvoiceDiscount => (d.rate !== undefined ? { label: d.label, rate: d.rate } : { label: d.label, amount: d.amount ?? 0 }));

/** A reverse-charge or exemption statement printed under the taxes. */
export const TaxNote = z.string().trim().max(500, "must be at most 500 characters").refine(...printable(true));

/** The legacy single tax rate: one tax labelled "Tax". */
export const LegacyTaxRate = Rate;

/** The taxes asked for: `taxes`, or the legacy `taxRate` as one tax labelled "Tax" (0 or absent: none). */
export function requestedTaxes(data: { taxes?: InvoiceTaxRate[]; taxRate?: number }): InvoiceTaxRate[] {
  if (data.taxes) return data.taxes;
  return data.taxRate ? [{ label: "Tax", rate: data.taxRate }] : [];
}

/** Refuses a fixed discount larger than the subtotal it comes off. */
export function assertDiscountFits(discount: InvoiceDiscount | null, subtotal: number, currency: string): void {
  if (discount && "amount" in discount && discount.amount > Math.abs(subtotal)) {
    throw invalidInput(
      `The discount (${formatMoney(discount.amount, currency)}) is more than the subtotal (${formatMoney(subtotal, currency)}); a discount can at most cancel the lines.`,
      { discount: "cannot exceed the subtotal" },
    );
  }
}

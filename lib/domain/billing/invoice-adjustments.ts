/**
 * What is added to or taken off an invoice's lines: at most two named taxes and one
 * discount, as stored in `Invoice.taxes` and `Invoice.discount`. Rates are basis points
 * (2000 = 20 %); amounts are integer minor units.
 */
import { z } from "zod";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A tax as printed: "VAT 20 %: €240.00". */
export const InvoiceTax = z.object({ label: z.string(), rate: z.int(), amount: z.int() });
export type InvoiceTax = z.infer<typeof InvoiceTax>;

/** A discount as asked for: a rate off the subtotal, or a fixed amount. */
export const InvoiceDiscount = z.union([
  z.object({ label: z.string(), rate: z.int() }),
  z.object({ label: z.string(), amount: z.int() }),
]);
export type InvoiceDiscount = z.infer<typeof InvoiceDiscount>;

/** `Invoice.taxes` read back. */
export function storedTaxes(value: Prisma.JsonValue): InvoiceTax[] {
  return z.array(InvoiceTax).parse(value);
}

/** `Invoice.discount` read back; null when there is none. */
export function storedDiscount(value: Prisma.JsonValue | null): InvoiceDiscount | null {
  return value === null ? null : InvoiceDiscount.parse(value);
}

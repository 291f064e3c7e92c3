/**
 * An invoice's totals from its lines, an optional discount and up to two named taxes.
 *
 * The rounding rule, the same for a preview, a draft, an edited draft and a credit note:
 * 1. each line is rounded to the minor unit on its own (`amountForSeconds`, as the line prints);
 * 2. the subtotal is the lines' exact sum;
 * 3. a percentage discount is computed on the subtotal and rounded once; a fixed discount is
 *    taken as given and can never be more than the subtotal;
 * 4. each tax is computed on (subtotal − discount) — on the total, not per line — and rounded
 *    once per tax;
 * 5. total = subtotal − discount + the taxes.
 * Every rounding is half away from zero in exact integer arithmetic (BigInt), so a credit note's
 * negative amounts mirror the invoice's positive ones to the cent and no floating-point product
 * (180 × 17.5 % computed as 180 × 0.175 = 31.4999…) can fall on the wrong side of a half.
 */
import type { InvoiceDiscount, InvoiceTax } from "./invoice-adjustments";

/** Basis points in a whole: 10 000 = 100 %. */
export const BASIS_POINTS = 10_000;
/** At most this many taxes on one invoice (e.g. GST and PST). */
export const MAX_TAXES = 2;

/** A tax as asked for: a label ("VAT") and a rate in basis points (2000 = 20 %). */
export interface InvoiceTaxRate {
  label: string;
  rate: number;
}

export interface InvoiceAdjustments {
  /** A rate off the subtotal, or a fixed amount (minor units, ≥ 0). */
  discount?: InvoiceDiscount | null;
  /** At most two. */
  taxes?: readonly InvoiceTaxRate[];
}

export interface InvoiceTotals {
  /** The lines' sum, minor units. */
  subtotal: number;
  /** Taken off the subtotal before tax; has the subtotal's sign (negative on a credit note). */
  discountAmount: number;
  /** Each tax with its amount, in the order given. */
  taxes: InvoiceTax[];
  /** The taxes' sum. */
  taxAmount: number;
  /** subtotal − discountAmount + taxAmount. */
  total: number;
}

/**
 * `amount × basisPoints / 10 000`, rounded half away from zero, exactly.
 * `shareOf(-5, 1000)` → -1 (Math.round would give -0).
 */
export function shareOf(amount: number, basisPoints: number): number {
  const product = BigInt(amount) * BigInt(basisPoints);
  const whole = product / BigInt(BASIS_POINTS);
  const remainder = product % BigInt(BASIS_POINTS);
  // Stryker disable next-line EqualityOperator: < and <= differ only at a zero remainder, whose magnitude is the same
  const magnitude = remainder < 0n ? -remainder : remainder;
  // Stryker disable next-line EqualityOperator: < and <= differ only at a zero product, which rounds to zero either way
  const awayFromZero = product < 0n ? -1n : 1n;
  return Number(magnitude * 2n >= BigInt(BASIS_POINTS) ? whole + awayFromZero : whole);
}

/**
 * The totals of lines with `amount`s in minor units (negative on a credit note).
 * Throws RangeError for what validation should have refused earlier: a non-integer amount,
 * more than two taxes, a rate outside 0–10 000 basis points, a negative fixed discount or one
 * larger than the subtotal.
 */
export function invoiceTotals(lines: readonly { amount: number }[], adjustments: InvoiceAdjustments = {}): InvoiceTotals {
  const taxRates = adjustments.taxes ?? [];
  if (taxRates.length > MAX_TAXES) throw new RangeError(`at most ${MAX_TAXES} taxes`);
  for (const line of lines) assertMinorUnits(line.amount);
  const subtotal = lines.reduce((sum, line) => sum + line.amount, 0);
  assertMinorUnits(subtotal);

  const discountAmount = discountOn(subtotal, adjustments.discount ?? null);
  const taxable = subtotal - discountAmount;
  const taxes = taxRates.map(({ label, rate }) => {
    assertRate(rate);
    return { label, rate, amount: shareOf(taxable, rate) };
  });
  const taxAmount = taxes.reduce((sum, tax) => sum + tax.amount, 0);
  return { subtotal, discountAmount, taxes, taxAmount, total: taxable + taxAmount };
}

function discountOn(subtotal: number, discount: InvoiceDiscount | null): number {
  if (!discount) return 0;
  if ("rate" in discount) {
    assertRate(discount.rate);
    return shareOf(subtotal, discount.rate);
  }
  assertMinorUnits(discount.amount);
  if (discount.amount < 0) throw new RangeError("a fixed discount cannot be negative");
  if (discount.amount > Math.abs(subtotal)) throw new RangeError("a fixed discount cannot exceed the subtotal");
  // A credit note's (negative) subtotal takes the discount with its sign, mirroring the invoice
  // (0 − amount, not −amount: a zero discount stays 0, never −0).
  // Stryker disable next-line EqualityOperator: < and <= differ only at a zero subtotal, where the amount can only be 0
  return subtotal < 0 ? 0 - discount.amount : discount.amount;
}

function assertRate(rate: number): void {
  if (!Number.isInteger(rate) || rate < 0 || rate > BASIS_POINTS) throw new RangeError(`a rate is 0–${BASIS_POINTS} basis points, not ${rate}`);
}

function assertMinorUnits(amount: number): void {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`an amount is a whole number of minor units, not ${amount}`);
}

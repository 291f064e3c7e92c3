import { describe, expect, it } from "vitest";
import type { InvoiceDiscount } from "./invoice-adjustments";
import { invoiceTotals, shareOf, type InvoiceTaxRate } from "./invoice-totals";

const VAT: InvoiceTaxRate = { label: "VAT", rate: 2_000 };
const GST: InvoiceTaxRate = { label: "GST", rate: 500 };
const PST: InvoiceTaxRate = { label: "PST", rate: 700 };

interface Case {
  name: string;
  amounts: number[];
  discount?: InvoiceDiscount;
  taxes?: InvoiceTaxRate[];
  /** Hand-computed: subtotal, discount, each tax, total. */
  subtotal: number;
  discountAmount: number;
  taxAmounts: number[];
  total: number;
}

// Every row worked out by hand; the comment is the arithmetic.
const CASES: Case[] = [
  { name: "no lines", amounts: [], subtotal: 0, discountAmount: 0, taxAmounts: [], total: 0 },
  { name: "no tax", amounts: [37_500, 9_000], subtotal: 46_500, discountAmount: 0, taxAmounts: [], total: 46_500 },
  // 46 500 × 20 % = 9 300
  { name: "one tax: VAT 20 %", amounts: [37_500, 9_000], taxes: [VAT], subtotal: 46_500, discountAmount: 0, taxAmounts: [9_300], total: 55_800 },
  // 10 000 × 5 % = 500; 10 000 × 7 % = 700
  { name: "two taxes: GST 5 % + PST 7 %", amounts: [10_000], taxes: [GST, PST], subtotal: 10_000, discountAmount: 0, taxAmounts: [500, 700], total: 11_200 },
  // 1 010 × 5 % = 50.5 → 51; 1 010 × 7 % = 70.7 → 71 (one 12 % tax would be 121.2 → 121: each tax is rounded on its own)
  { name: "two taxes rounded once each", amounts: [1_010], taxes: [GST, PST], subtotal: 1_010, discountAmount: 0, taxAmounts: [51, 71], total: 1_132 },
  // 25 × 10 % = 2.5 → 3
  { name: "a half-cent tie rounds up", amounts: [25], taxes: [{ label: "Tax", rate: 1_000 }], subtotal: 25, discountAmount: 0, taxAmounts: [3], total: 28 },
  // 1 × 49.99 % = 0.4999 → 0
  { name: "just under half a cent rounds down", amounts: [1], taxes: [{ label: "Tax", rate: 4_999 }], subtotal: 1, discountAmount: 0, taxAmounts: [0], total: 1 },
  // 1 005 × 19.5 % = 195.975 → 196
  { name: "a fractional rate", amounts: [1_005], taxes: [{ label: "Tax", rate: 1_950 }], subtotal: 1_005, discountAmount: 0, taxAmounts: [196], total: 1_201 },
  // 180 × 17.5 % = 31.5 → 32 (in floating point 180 × 0.175 = 31.4999… → 31)
  { name: "a tie floating point misses", amounts: [180], taxes: [{ label: "Tax", rate: 1_750 }], subtotal: 180, discountAmount: 0, taxAmounts: [32], total: 212 },
  // −25 × 10 % = −2.5 → −3 (Math.round gives −2)
  { name: "a negative half-cent tie rounds down (away from zero)", amounts: [-25], taxes: [{ label: "Tax", rate: 1_000 }], subtotal: -25, discountAmount: 0, taxAmounts: [-3], total: -28 },
  // 12 345 × 100 % = 12 345
  { name: "a 100 % tax", amounts: [12_345], taxes: [{ label: "Tax", rate: 10_000 }], subtotal: 12_345, discountAmount: 0, taxAmounts: [12_345], total: 24_690 },
  // discount 12 345 × 10 % = 1 234.5 → 1 235; VAT (12 345 − 1 235) × 20 % = 11 110 × 20 % = 2 222
  { name: "a percentage discount, then VAT", amounts: [12_345], discount: { label: "Discount", rate: 1_000 }, taxes: [VAT], subtotal: 12_345, discountAmount: 1_235, taxAmounts: [2_222], total: 13_332 },
  // VAT (46 500 − 5 000) × 20 % = 8 300
  { name: "a fixed discount, then VAT", amounts: [37_500, 9_000], discount: { label: "Loyalty", amount: 5_000 }, taxes: [VAT], subtotal: 46_500, discountAmount: 5_000, taxAmounts: [8_300], total: 49_800 },
  { name: "a fixed discount equal to the subtotal", amounts: [37_500, 9_000], discount: { label: "Waived", amount: 46_500 }, taxes: [VAT], subtotal: 46_500, discountAmount: 46_500, taxAmounts: [0], total: 0 },
  { name: "a 100 % discount", amounts: [37_500, 9_000], discount: { label: "Waived", rate: 10_000 }, taxes: [VAT], subtotal: 46_500, discountAmount: 46_500, taxAmounts: [0], total: 0 },
  // discount 99 999 × 15 % = 14 999.85 → 15 000; taxable 84 999; GST 4 249.95 → 4 250; PST 5 949.93 → 5 950
  { name: "a discount and two taxes", amounts: [99_999], discount: { label: "Discount", rate: 1_500 }, taxes: [GST, PST], subtotal: 99_999, discountAmount: 15_000, taxAmounts: [4_250, 5_950], total: 95_199 },
  { name: "a credit note: VAT on negative lines", amounts: [-37_500, -9_000], taxes: [VAT], subtotal: -46_500, discountAmount: 0, taxAmounts: [-9_300], total: -55_800 },
  { name: "a credit note mirrors a discount and two taxes", amounts: [-99_999], discount: { label: "Discount", rate: 1_500 }, taxes: [GST, PST], subtotal: -99_999, discountAmount: -15_000, taxAmounts: [-4_250, -5_950], total: -95_199 },
  { name: "a credit note takes a fixed discount with its sign", amounts: [-46_500], discount: { label: "Loyalty", amount: 5_000 }, taxes: [VAT], subtotal: -46_500, discountAmount: -5_000, taxAmounts: [-8_300], total: -49_800 },
  // 9 999 999 999 × 20 % = 1 999 999 999.8 → 2 000 000 000
  { name: "an amount near 10^10", amounts: [9_999_999_999], taxes: [VAT], subtotal: 9_999_999_999, discountAmount: 0, taxAmounts: [2_000_000_000], total: 11_999_999_999 },
  // 10 000 000 005 × 10 % = 1 000 000 000.5 → 1 000 000 001; −… → −1 000 000 001
  { name: "a tie near 10^10", amounts: [10_000_000_005], taxes: [{ label: "Tax", rate: 1_000 }], subtotal: 10_000_000_005, discountAmount: 0, taxAmounts: [1_000_000_001], total: 11_000_000_006 },
  { name: "a negative tie near 10^10", amounts: [-10_000_000_005], taxes: [{ label: "Tax", rate: 1_000 }], subtotal: -10_000_000_005, discountAmount: 0, taxAmounts: [-1_000_000_001], total: -11_000_000_006 },
  // 2^53 − 1 minor units at 1 bp: 900 719 925 474.0991 → 900 719 925 474 (the float product 2^53 × … is not exact)
  { name: "the largest safe amount", amounts: [Number.MAX_SAFE_INTEGER], taxes: [{ label: "Tax", rate: 1 }], subtotal: Number.MAX_SAFE_INTEGER, discountAmount: 0, taxAmounts: [900_719_925_474], total: Number.MAX_SAFE_INTEGER + 900_719_925_474 },
];

describe("invoiceTotals", () => {
  it.each(CASES)("$name", ({ amounts, discount, taxes, subtotal, discountAmount, taxAmounts, total }) => {
    const totals = invoiceTotals(amounts.map((amount) => ({ amount })), { discount, taxes });
    expect(totals).toEqual({
      subtotal,
      discountAmount,
      taxes: (taxes ?? []).map((tax, i) => ({ label: tax.label, rate: tax.rate, amount: taxAmounts[i] })),
      taxAmount: taxAmounts.reduce((sum, amount) => sum + amount, 0),
      total,
    });
  });

  it("has no discount and no taxes when not given any", () => {
    expect(invoiceTotals([{ amount: 1_000 }])).toEqual({ subtotal: 1_000, discountAmount: 0, taxes: [], taxAmount: 0, total: 1_000 });
    expect(invoiceTotals([{ amount: 1_000 }], { discount: null })).toMatchObject({ discountAmount: 0, total: 1_000 });
  });

  it("mirrors every positive invoice exactly when its lines are negated", () => {
    const adjustments = { discount: { label: "D", rate: 1_234 }, taxes: [{ label: "A", rate: 1_750 }, { label: "B", rate: 825 }] };
    for (let amount = 1; amount <= 3_000; amount += 7) {
      const positive = invoiceTotals([{ amount }], adjustments);
      const negative = invoiceTotals([{ amount: -amount }], adjustments);
      expect([negative.subtotal, negative.discountAmount, negative.taxAmount, negative.total, ...negative.taxes.map((t) => t.amount)]).toEqual(
        [positive.subtotal, positive.discountAmount, positive.taxAmount, positive.total, ...positive.taxes.map((t) => t.amount)].map((n) => 0 - n),
      );
    }
  });

  it.each([
    { name: "three taxes", lines: [{ amount: 100 }], adjustments: { taxes: [GST, PST, VAT] }, says: "at most 2 taxes" },
    { name: "a negative tax rate", lines: [{ amount: 100 }], adjustments: { taxes: [{ label: "T", rate: -1 }] }, says: "0–10000 basis points" },
    { name: "a tax rate over 100 %", lines: [{ amount: 100 }], adjustments: { taxes: [{ label: "T", rate: 10_001 }] }, says: "not 10001" },
    { name: "a fractional tax rate", lines: [{ amount: 100 }], adjustments: { taxes: [{ label: "T", rate: 1.5 }] }, says: "not 1.5" },
    { name: "a discount rate over 100 %", lines: [{ amount: 100 }], adjustments: { discount: { label: "D", rate: 10_001 } }, says: "not 10001" },
    { name: "a negative fixed discount", lines: [{ amount: 100 }], adjustments: { discount: { label: "D", amount: -1 } }, says: "cannot be negative" },
    { name: "a fixed discount over the subtotal", lines: [{ amount: 100 }], adjustments: { discount: { label: "D", amount: 101 } }, says: "cannot exceed the subtotal" },
    { name: "a fixed discount over a credit note's subtotal", lines: [{ amount: -100 }], adjustments: { discount: { label: "D", amount: 101 } }, says: "cannot exceed the subtotal" },
    { name: "a fractional fixed discount", lines: [{ amount: 100 }], adjustments: { discount: { label: "D", amount: 0.5 } }, says: "not 0.5" },
    { name: "a fractional line amount", lines: [{ amount: 10.5 }], adjustments: {}, says: "not 10.5" },
    { name: "a subtotal past the safe integers", lines: [{ amount: Number.MAX_SAFE_INTEGER }, { amount: 2 }], adjustments: {}, says: "whole number of minor units" },
  ])("refuses $name", ({ lines, adjustments, says }) => {
    expect(() => invoiceTotals(lines, adjustments)).toThrow(RangeError);
    expect(() => invoiceTotals(lines, adjustments)).toThrow(says);
  });

  it("keeps a zero discount on a credit note 0, not −0", () => {
    expect(Object.is(invoiceTotals([{ amount: -100 }], { discount: { label: "D", amount: 0 } }).discountAmount, 0)).toBe(true);
  });

  it("allows exactly two taxes and the bounds of a rate", () => {
    expect(invoiceTotals([{ amount: 100 }], { taxes: [{ label: "A", rate: 0 }, { label: "B", rate: 10_000 }] }).total).toBe(200);
    expect(invoiceTotals([{ amount: 100 }], { discount: { label: "D", amount: 0 } }).total).toBe(100);
  });
});

describe("shareOf", () => {
  it.each([
    { amount: 1, rate: 5_000, share: 1 },
    { amount: -1, rate: 5_000, share: -1 },
    { amount: -5, rate: 1_000, share: -1 },
    { amount: 1, rate: 4_999, share: 0 },
    { amount: -1, rate: 4_999, share: 0 },
    { amount: 3, rate: 5_000, share: 2 },
    { amount: -3, rate: 5_000, share: -2 },
    { amount: 0, rate: 5_000, share: 0 },
    { amount: 180, rate: 1_750, share: 32 },
  ])("$amount at $rate bp is $share", ({ amount, rate, share }) => {
    expect(shareOf(amount, rate)).toBe(share);
  });

  it("is right where floating point is not", () => {
    // The floating-point ways of writing it, wrong on these inputs:
    expect(Math.round(180 * (1_750 / 10_000))).toBe(31);
    expect(Math.round((-25 * 1_000) / 10_000)).toBe(-2);
    expect(shareOf(180, 1_750)).toBe(32);
    expect(shareOf(-25, 1_000)).toBe(-3);
  });
});

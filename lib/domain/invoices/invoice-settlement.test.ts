import { describe, expect, it } from "vitest";
import { balanceDueOf, fullyCredited, refundDueOf, settledStatus, type InvoiceFigures } from "./invoice-settlement";

interface Case {
  name: string;
  figures: InvoiceFigures;
  /** Hand-computed. */
  balanceDue: number;
  refundDue: number;
  status: "sent" | "paid";
  fullyCredited: boolean;
}

// A €240.00 invoice (24 000 minor units) through every way payments and credit notes can meet
// its total; the edges (exactly covered, one cent short, one cent over) are where the rule turns.
const CASES: Case[] = [
  { name: "nothing paid or credited", figures: { total: 24_000, amountPaid: 0, amountCredited: 0 }, balanceDue: 24_000, refundDue: 0, status: "sent", fullyCredited: false },
  { name: "part paid", figures: { total: 24_000, amountPaid: 10_000, amountCredited: 0 }, balanceDue: 14_000, refundDue: 0, status: "sent", fullyCredited: false },
  { name: "paid one cent short", figures: { total: 24_000, amountPaid: 23_999, amountCredited: 0 }, balanceDue: 1, refundDue: 0, status: "sent", fullyCredited: false },
  { name: "paid exactly", figures: { total: 24_000, amountPaid: 24_000, amountCredited: 0 }, balanceDue: 0, refundDue: 0, status: "paid", fullyCredited: false },
  { name: "part credited, nothing paid", figures: { total: 24_000, amountPaid: 0, amountCredited: 6_000 }, balanceDue: 18_000, refundDue: 0, status: "sent", fullyCredited: false },
  { name: "part paid, part credited, one cent short", figures: { total: 24_000, amountPaid: 10_000, amountCredited: 13_999 }, balanceDue: 1, refundDue: 0, status: "sent", fullyCredited: false },
  { name: "part paid, the rest credited", figures: { total: 24_000, amountPaid: 10_000, amountCredited: 14_000 }, balanceDue: 0, refundDue: 0, status: "paid", fullyCredited: false },
  { name: "credited one cent short of the total, nothing paid", figures: { total: 24_000, amountPaid: 0, amountCredited: 23_999 }, balanceDue: 1, refundDue: 0, status: "sent", fullyCredited: false },
  // Owes nothing, but nobody paid: it stays sent.
  { name: "fully credited, nothing paid", figures: { total: 24_000, amountPaid: 0, amountCredited: 24_000 }, balanceDue: 0, refundDue: 0, status: "sent", fullyCredited: true },
  // 10 000 + 24 000 − 24 000 = 10 000 back to the client.
  { name: "part paid, then fully credited", figures: { total: 24_000, amountPaid: 10_000, amountCredited: 24_000 }, balanceDue: 0, refundDue: 10_000, status: "paid", fullyCredited: true },
  // 24 000 + 1 − 24 000 = 1: one cent over.
  { name: "paid in full, then a cent credited", figures: { total: 24_000, amountPaid: 24_000, amountCredited: 1 }, balanceDue: 0, refundDue: 1, status: "paid", fullyCredited: false },
  { name: "paid in full, then fully credited", figures: { total: 24_000, amountPaid: 24_000, amountCredited: 24_000 }, balanceDue: 0, refundDue: 24_000, status: "paid", fullyCredited: true },
  // A zero invoice owes nothing and has nothing to credit.
  { name: "a zero invoice", figures: { total: 0, amountPaid: 0, amountCredited: 0 }, balanceDue: 0, refundDue: 0, status: "sent", fullyCredited: false },
];

describe("invoice settlement", () => {
  it.each(CASES)("$name", ({ figures, balanceDue, refundDue, status, fullyCredited: full }) => {
    expect(balanceDueOf(figures)).toBe(balanceDue);
    expect(refundDueOf(figures)).toBe(refundDue);
    expect(settledStatus(figures)).toBe(status);
    expect(fullyCredited(figures)).toBe(full);
  });

  it("counts payments and credits alike toward the total, and neither ever makes the balance or refund negative", () => {
    for (const figures of CASES.map((c) => c.figures)) {
      const { total, amountPaid, amountCredited } = figures;
      expect(balanceDueOf(figures)).toBeGreaterThanOrEqual(0);
      expect(refundDueOf(figures)).toBeGreaterThanOrEqual(0);
      // What is owed less what is owed back is always the plain difference.
      expect(balanceDueOf(figures) - refundDueOf(figures)).toBe(total - amountPaid - amountCredited);
    }
  });
});

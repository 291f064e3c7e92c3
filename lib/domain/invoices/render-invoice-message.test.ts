import { describe, expect, it } from "vitest";
import { renderInvoiceMessage } from "./render-invoice-message";

const base = {
  label: "INV-0042",
  workspaceName: "Lovelace Studio",
  clientName: "Babbage & Co",
  currency: "EUR",
  issueDate: "2026-12-01",
  dueDate: "2026-12-31",
  lines: [{ description: "Engine", quantitySeconds: 36_000, unitRate: 10_000, amount: 100_000 }],
  subtotal: 100_000,
  discount: null,
  discountAmount: 0,
  taxes: [],
  taxNote: "",
  total: 100_000,
  notes: "",
  message: null,
};

describe("renderInvoiceMessage", () => {
  it("prints each tax by label and rate, the discount and the tax note, in order", () => {
    const { body } = renderInvoiceMessage({
      ...base,
      discount: { label: "Discount", rate: 1_000 },
      discountAmount: 10_000,
      taxes: [{ label: "GST", rate: 500, amount: 4_500 }, { label: "PST", rate: 825, amount: 7_425 }],
      taxNote: "PST exempt for resale.",
      total: 101_925,
    });
    expect(body).toContain(
      ["Subtotal: €1,000.00", "Discount (10%): −€100.00", "GST (5%): €45.00", "PST (8.25%): €74.25", "PST exempt for resale.", "Total due: €1,019.25"].join("\n"),
    );
  });

  it("prints a fixed discount by its label, and no tax lines when there are none", () => {
    const { body, subject } = renderInvoiceMessage({ ...base, discount: { label: "Loyalty", amount: 5_000 }, discountAmount: 5_000, total: 95_000 });
    expect(body).toContain("Subtotal: €1,000.00\nLoyalty: −€50.00\nTotal due: €950.00");
    expect(subject).toBe("Invoice INV-0042 from Lovelace Studio — €950.00");
  });
});

import { describe, expect, it } from "vitest";
import { adjustmentFieldErrors, adjustmentFieldsOf, toAdjustments } from "./invoice-adjustment-fields";
import { toInvoicePlanInput } from "./invoice-plan-fields";

describe("the taxes and discount as typed", () => {
  it("reads two tax rows, a percent discount and the note", () => {
    expect(toAdjustments({ tax1Label: "GST", tax1Rate: "5", tax2Label: "PST", tax2Rate: "7.5%", discountValue: "10", taxNote: "Exempt" })).toEqual({
      taxes: [{ label: "GST", rate: 500 }, { label: "PST", rate: 750 }],
      discount: { label: "Discount", rate: 1_000 },
      taxNote: "Exempt",
    });
  });

  it("reads a fixed discount in major units, and leaves out empty rows", () => {
    expect(toAdjustments({ tax2Label: "VAT", tax2Rate: "20", discountKind: "amount", discountValue: "49.99", discountLabel: "Loyalty" })).toEqual({
      taxes: [{ label: "VAT", rate: 2_000 }],
      discount: { label: "Loyalty", amount: 4_999 },
      taxNote: "",
    });
    expect(toAdjustments({})).toEqual({ taxes: [], discount: null, taxNote: "" });
  });

  it.each([
    { name: "a tax name without a rate", fields: { tax1Label: "VAT" }, field: "tax1Rate" },
    { name: "a rate that is not a number", fields: { tax2Label: "VAT", tax2Rate: "twenty" }, field: "tax2Rate" },
    { name: "a rate with three decimals", fields: { tax1Label: "VAT", tax1Rate: "7.125" }, field: "tax1Rate" },
    { name: "a discount that is not a number", fields: { discountValue: "ten" }, field: "discountValue" },
    { name: "a discount amount that is not money", fields: { discountKind: "amount", discountValue: "1,0.555" }, field: "discountValue" },
  ])("refuses $name", ({ fields, field }) => {
    expect(() => toAdjustments(fields)).toThrow(expect.objectContaining({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } }));
  });

  it("passes a rate without a name to the domain, which asks for the name", () => {
    expect(toAdjustments({ tax1Rate: "20" }).taxes).toEqual([{ label: "", rate: 2_000 }]);
  });

  it("shows stored taxes and discount as the rows they were typed in", () => {
    expect(adjustmentFieldsOf({ taxes: [{ label: "GST", rate: 500 }, { label: "PST", rate: 725 }], discount: { label: "Loyalty", amount: 5_000 }, taxNote: "" })).toEqual({
      tax1Label: "GST",
      tax1Rate: "5",
      tax2Label: "PST",
      tax2Rate: "7.25",
      discountLabel: "Loyalty",
      discountKind: "amount",
      discountValue: "50.00",
      taxNote: undefined,
    });
    expect(adjustmentFieldsOf({ taxes: [], discount: { label: "Discount", rate: 1_000 }, taxNote: "Exempt" })).toMatchObject({ discountKind: "percent", discountValue: "10", taxNote: "Exempt" });
  });

  it("names the form's fields in the domain's refusals", () => {
    expect(adjustmentFieldErrors({ "taxes.1.rate": "cannot exceed 100%", discount: "cannot exceed the subtotal", notes: "too long" })).toEqual({
      tax2Rate: "cannot exceed 100%",
      discountValue: "cannot exceed the subtotal",
      notes: "too long",
    });
  });

  it("keeps an old ?taxRate= link working as one tax, and prefers the tax rows", () => {
    expect(toInvoicePlanInput({ clientId: "c", taxRate: "20" })).toMatchObject({ taxRate: 2_000 });
    expect(toInvoicePlanInput({ clientId: "c", taxRate: "20", tax1Label: "VAT", tax1Rate: "5" })).toMatchObject({ taxes: [{ label: "VAT", rate: 500 }] });
    expect(toInvoicePlanInput({ clientId: "c", taxRate: "20", tax1Label: "VAT", tax1Rate: "5" })).not.toHaveProperty("taxRate");
  });
});

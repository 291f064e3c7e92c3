import { describe, expect, it } from "vitest";
import { invoicePdfOptions } from "./export-filters";

const options = (search: string) => invoicePdfOptions(new URLSearchParams(search));

describe("invoicePdfOptions (an invoice's PDF download)", () => {
  it.each([
    ["", undefined],
    ["size=a4", "a4"],
    ["size=letter", "letter"],
  ] as const)("reads ?%s as paper size %s", (search, paperSize) => {
    expect(options(search)).toEqual({ paperSize });
  });

  it.each([
    ["size=a3", { size: "must be a4 or letter" }, "size: must be a4 or letter"],
    ["sise=letter", { sise: "is not a parameter of this export (it takes size)" }, "sise: is not a parameter of this export (it takes size)"],
    ["size=a4&size=letter", { size: "is given more than once; give it once" }, "size: is given more than once; give it once"],
  ])("refuses ?%s, naming the parameter", (search, fieldErrors, message) => {
    expect(() => options(search)).toThrow(expect.objectContaining({ code: "invalid_input", fieldErrors, message }));
  });
});

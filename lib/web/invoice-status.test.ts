import { describe, expect, it } from "vitest";
import { invoiceStatusNotice } from "./invoice-status";

describe("invoiceStatusNotice", () => {
  it.each([undefined, "", "draft", "sent", "paid", "void"])("says nothing for %j", (requested) => {
    expect(invoiceStatusNotice(requested)).toBeNull();
  });

  it("says a status that is not one is left off, and lists the statuses", () => {
    expect(invoiceStatusNotice("zzz")).toBe("There is no invoice status “zzz” (it is draft, sent, paid, void), so every invoice is shown.");
  });
});

import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { formatMoney } from "@/lib/domain/money";
import type { InvoiceDetail } from "./invoice-view";
import { invoiceTotalsRows, PAGE_SIZES, renderInvoicePdf } from "./render-invoice-pdf";

/** A sent invoice with every field the PDF prints, in złoty, from a seller in Łódź. */
export function sampleInvoice(overrides: Partial<InvoiceDetail> = {}): InvoiceDetail {
  return {
    id: "inv_1",
    kind: "invoice",
    number: 4,
    label: "INV-0004",
    status: "sent",
    client: { id: "c1", name: "Babbage & Co", email: "accounts@babbage.example" },
    issueDate: "2026-11-25",
    dueDate: "2026-12-25",
    currency: "PLN",
    subtotal: 120_000,
    discountAmount: 6_000,
    taxRate: 2_800,
    taxAmount: 26_220,
    total: 140_220,
    amountPaid: 40_000,
    amountCredited: 10_000,
    balanceDue: 90_220,
    refundDue: 0,
    overdue: false,
    sentAt: new Date("2026-11-25T10:00:00Z"),
    paidAt: null,
    voidedAt: null,
    notes: "Thank you — dziękuję!",
    taxNote: "Reverse charge: VAT to be accounted for by the recipient.",
    taxes: [
      { label: "VAT", rate: 2_300, amount: 26_220 - 5_700 },
      { label: "City levy", rate: 500, amount: 5_700 },
    ],
    discount: { label: "Loyalty discount", rate: 500 },
    seller: {
      name: "Żółć Studio Sp. z o.o.",
      address: "ul. Piotrkowska 104\n90-001 Łódź\nPoland",
      taxId: "PL7251234567",
      email: "hello@zolc.example",
      paymentInstructions: "IBAN PL61 1090 1014 0000 0712 1981 2874\nBIC WBKPPLPP",
      logoId: null,
    },
    buyer: { name: "Babbage & Co", address: "1 Dorset Street\nLondon W1U 4EG", taxId: "GB123456789", email: "accounts@babbage.example" },
    paperSize: "a4",
    creditedInvoice: null,
    creditNotes: [],
    periodStart: "2026-11-03",
    periodEnd: "2026-11-24",
    lines: [
      { id: "l1", position: 0, description: "Analytical Engine — design review", project: null, task: null, quantitySeconds: 7_200, unitRate: 30_000, amount: 60_000, entryCount: 2 },
      { id: "l2", position: 1, description: "Difference Engine notes", project: null, task: null, quantitySeconds: 10_800, unitRate: 20_000, amount: 60_000, entryCount: 4 },
    ],
    payments: [],
    deliveries: [],
    ...overrides,
  };
}

async function pdfText(data: Uint8Array) {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const { text, totalPages } = await extractText(pdf, { mergePages: true });
  return { pdf, text, totalPages };
}

/** The page's size in points, from its MediaBox. */
async function pageSize(data: Uint8Array, pageNumber = 1): Promise<[number, number]> {
  const pdf = await getDocumentProxy(new Uint8Array(data));
  const [x0, y0, x1, y1] = (await pdf.getPage(pageNumber)).view;
  return [Math.round((x1! - x0!) * 100) / 100, Math.round((y1! - y0!) * 100) / 100];
}

/** A 1×1 PNG. */
const PNG = Uint8Array.from(Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64"));

describe("renderInvoicePdf", () => {
  it("prints both parties, dates, period, lines, taxes, discount, totals, payment instructions and notes", async () => {
    const invoice = sampleInvoice();
    const { text, totalPages } = await pdfText(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }));
    expect(totalPages).toBe(1);
    for (const expected of [
      "Invoice",
      "INV-0004",
      "Żółć Studio Sp. z o.o.",
      "ul. Piotrkowska 104",
      "90-001 Łódź",
      "VAT/Tax ID: PL7251234567",
      "hello@zolc.example",
      "Bill to".toUpperCase(),
      "Babbage & Co",
      "1 Dorset Street",
      "London W1U 4EG",
      "VAT/Tax ID: GB123456789",
      "accounts@babbage.example",
      "Issue date 25 Nov 2026",
      "Due date 25 Dec 2026",
      "Period 3 – 24 Nov 2026",
      "Analytical Engine — design review 2.00 h PLN 300.00/h PLN 600.00",
      "Difference Engine notes 3.00 h PLN 200.00/h PLN 600.00",
      "Subtotal PLN 1,200.00",
      "Loyalty discount (5%) −PLN 60.00",
      "VAT 23% PLN 205.20",
      "City levy 5% PLN 57.00",
      "Total PLN 1,402.20",
      "Amount paid PLN 400.00",
      "Amount credited PLN 100.00",
      "Balance due PLN 902.20",
      "Reverse charge: VAT to be accounted for by the",
      "IBAN PL61 1090 1014 0000 0712 1981 2874",
      "BIC WBKPPLPP",
      "Thank you — dziękuję!",
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("prints the totals exactly as the invoice's numbers format", async () => {
    const invoice = sampleInvoice({ currency: "EUR" });
    const { text } = await pdfText(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }));
    const money = (amount: number) => formatMoney(amount, "EUR");
    expect(invoiceTotalsRows(invoice).map((r) => r.amount)).toEqual([
      money(invoice.subtotal),
      `−${money(invoice.discountAmount)}`,
      money(invoice.taxes[0]!.amount),
      money(invoice.taxes[1]!.amount),
      money(invoice.total),
      money(invoice.amountPaid),
      money(invoice.amountCredited),
      money(invoice.balanceDue),
    ]);
    expect(text).toContain(`Total ${money(invoice.total)}`);
    expect(text).toContain(`Balance due ${money(invoice.balanceDue)}`);
    expect(text).toContain("€1,402.20");
  });

  it("leaves out the period, discount, credited amount, tax note, instructions and notes when there are none", async () => {
    const invoice = sampleInvoice({ periodStart: null, periodEnd: null, discount: null, discountAmount: 0, amountCredited: 0, taxNote: "", notes: "", seller: { ...sampleInvoice().seller, paymentInstructions: "", taxId: "" } });
    const { text } = await pdfText(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }));
    for (const absent of ["Period", "discount", "Amount credited", "Reverse charge", "PAYMENT INSTRUCTIONS", "NOTES", "PL7251234567"]) expect(text).not.toContain(absent);
    expect(text).toContain("VAT/Tax ID: GB123456789");
  });

  it("titles a credit note, names the invoice it credits, and prints no balance", async () => {
    const invoice = sampleInvoice({ kind: "credit_note", label: "CN-0001", creditedInvoice: { id: "inv_0", label: "INV-0003" }, total: -50_000, balanceDue: 0 });
    const data = await renderInvoicePdf(invoice, { paperSize: "a4", logo: null });
    const { text, pdf } = await pdfText(data);
    expect(text).toMatch(/^Credit note\nCN-0001/);
    expect(text).toContain("Credits INV-0003");
    expect(text).not.toContain("Balance due");
    expect(text).not.toContain("Amount paid");
    expect((await pdf.getMetadata()).info).toMatchObject({ Title: "Credit note CN-0001 — Żółć Studio Sp. z o.o." });
  });

  it("prints a fixed-amount line (a partial credit) with its amount only, no hours or rate", async () => {
    const fixed = { id: "l9", position: 0, description: "Late delivery", project: null, task: null, quantitySeconds: 0, unitRate: 0, amount: -10_001, entryCount: 0 };
    const invoice = sampleInvoice({ kind: "credit_note", label: "CN-0002", creditedInvoice: { id: "inv_0", label: "INV-0003" }, lines: [fixed] });
    const { text } = await pdfText(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }));
    expect(text).toMatch(/Late delivery -PLN\s100\.01\n/);
    expect(text).not.toContain("0.00 h");
    expect(text).not.toContain("/h");
  });

  it("keeps non-Latin text: Polish, Greek, Cyrillic, currency signs and dashes", async () => {
    const description = "Łódź — zł, € and £; Αθήνα; Москва";
    const invoice = sampleInvoice({ lines: [{ ...sampleInvoice().lines[0]!, description }] });
    const { text } = await pdfText(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }));
    expect(text).toContain(description);
  });

  it("is A4 (595.28 × 841.89 pt) or US Letter (612 × 792 pt) as asked", async () => {
    const invoice = sampleInvoice();
    expect(await pageSize(await renderInvoicePdf(invoice, { paperSize: "a4", logo: null }))).toEqual(PAGE_SIZES.a4);
    expect(await pageSize(await renderInvoicePdf(invoice, { paperSize: "letter", logo: null }))).toEqual([612, 792]);
  });

  it("runs a long invoice over several pages, repeating the table header, every line printed once", async () => {
    const base = sampleInvoice().lines[0]!;
    const lines = Array.from({ length: 90 }, (_, i) => ({ ...base, id: `l${i}`, position: i, description: `Line number ${i + 1} of the long invoice` }));
    const { pdf, totalPages } = await pdfText(await renderInvoicePdf(sampleInvoice({ lines }), { paperSize: "letter", logo: null }));
    expect(totalPages).toBeGreaterThan(1);
    const { text: pages } = await extractText(pdf, { mergePages: false });
    for (const page of pages.slice(0, -1)) expect(page).toContain("Description Hours Rate Amount");
    for (let i = 1; i <= 90; i++) expect(pages.join("\n").match(new RegExp(`Line number ${i} of`, "g"))).toHaveLength(1);
    expect(pages.at(-1)).toContain(`Page ${totalPages} of ${totalPages}`);
  });

  it("renders the same invoice to the same bytes, with the title in the metadata", async () => {
    const invoice = sampleInvoice();
    const first = await renderInvoicePdf(invoice, { paperSize: "a4", logo: null });
    const second = await renderInvoicePdf(structuredClone(invoice), { paperSize: "a4", logo: null });
    expect(Buffer.from(second).equals(Buffer.from(first))).toBe(true);
    const { pdf } = await pdfText(first);
    expect((await pdf.getMetadata()).info).toMatchObject({ Title: "Invoice INV-0004 — Żółć Studio Sp. z o.o." });
  });

  it("embeds the logo when there is one", async () => {
    const invoice = sampleInvoice();
    const without = await renderInvoicePdf(invoice, { paperSize: "a4", logo: null });
    const withLogo = await renderInvoicePdf(invoice, { paperSize: "a4", logo: { mimeType: "image/png", data: PNG } });
    expect(Buffer.from(withLogo).includes("/Subtype /Image")).toBe(true);
    expect(Buffer.from(without).includes("/Subtype /Image")).toBe(false);
  });
});

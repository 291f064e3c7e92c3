/**
 * The invoice (or credit note) as a PDF a client can file: pdfkit draws it, with DejaVu Sans
 * embedded so every name and currency sign prints ("Łódź", "zł", "€", "—"). Dates read as on
 * the invoice page ("3 Nov 2026"), money as `formatMoney` writes it. The same invoice renders
 * the same bytes: the document's dates come from the invoice, never from the clock.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import PDFDocument from "pdfkit";
import { formatIsoDate, formatPeriod } from "@/lib/domain/dates";
import { isFixedAmountLine } from "@/lib/domain/billing/invoice-lines";
import { formatHours } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import type { InvoiceDetail } from "./invoice-view";

export type PaperSize = "a4" | "letter";

export interface InvoicePdfOptions {
  paperSize: PaperSize;
  /** The seller's logo (PNG or JPEG), printed top right; null for none. */
  logo: { mimeType: string; data: Uint8Array } | null;
}

/** PDF page sizes in points (1/72 inch): ISO A4 is 210 × 297 mm, US Letter 8.5 × 11 in. */
export const PAGE_SIZES: Record<PaperSize, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };

const MARGIN = 50;
const FOOTER = 24;
const INK = "#0f172a";
const MUTED = "#64748b";
const RULE = "#cbd5e1";

let fonts: { regular: Buffer; bold: Buffer } | null = null;

/**
 * The DejaVu Sans files, resolved from the project's node_modules the way Node resolves a
 * package (not relative to this module, whose location differs once Next has bundled it).
 */
function dejaVu(): { regular: Buffer; bold: Buffer } {
  if (!fonts) {
    const require = createRequire(path.join(process.cwd(), "package.json"));
    fonts = {
      regular: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans.ttf")),
      bold: readFileSync(require.resolve("dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf")),
    };
  }
  return fonts;
}

const date = (iso: string) => formatIsoDate(iso, "d MMM yyyy");

/** Basis points as a percentage: 2000 → "20%", 1250 → "12.5%". */
export function formatRate(basisPoints: number): string {
  return `${(basisPoints / 100).toLocaleString("en-GB", { maximumFractionDigits: 2 })}%`;
}

/** The totals block, label and amount per row, in print order; what the PDF prints and the tests compare. */
export function invoiceTotalsRows(invoice: InvoiceDetail): { label: string; amount: string; strong?: boolean }[] {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const rows: { label: string; amount: string; strong?: boolean }[] = [{ label: "Subtotal", amount: money(invoice.subtotal) }];
  if (invoice.discount || invoice.discountAmount) {
    const label = invoice.discount?.label || "Discount";
    const rate = invoice.discount && "rate" in invoice.discount ? ` (${formatRate(invoice.discount.rate)})` : "";
    rows.push({ label: `${label}${rate}`, amount: `−${money(Math.abs(invoice.discountAmount))}` });
  }
  for (const tax of invoice.taxes) rows.push({ label: `${tax.label} ${formatRate(tax.rate)}`, amount: money(tax.amount) });
  rows.push({ label: "Total", amount: money(invoice.total), strong: true });
  if (invoice.kind === "invoice") {
    rows.push({ label: "Amount paid", amount: money(invoice.amountPaid) });
    if (invoice.amountCredited) rows.push({ label: "Amount credited", amount: money(invoice.amountCredited) });
    rows.push({ label: invoice.status === "void" ? "Void — nothing due" : "Balance due", amount: money(invoice.balanceDue), strong: true });
  }
  return rows;
}

/**
 * Renders `invoice` as a PDF.
 * @returns the PDF file's bytes; the same invoice and options give the same bytes
 */
export function renderInvoicePdf(invoice: InvoiceDetail, options: InvoicePdfOptions): Promise<Uint8Array<ArrayBuffer>> {
  const { regular, bold } = dejaVu();
  const title = invoice.kind === "credit_note" ? "Credit note" : "Invoice";
  // The document's own dates come from the invoice, so re-rendering it gives the same bytes.
  const stamp = invoice.sentAt ?? new Date(`${invoice.issueDate}T00:00:00Z`);
  const doc = new PDFDocument({
    size: PAGE_SIZES[options.paperSize],
    margins: { top: MARGIN, bottom: MARGIN + FOOTER, left: MARGIN, right: MARGIN },
    bufferPages: true,
    font: regular as unknown as string,
    info: {
      Title: `${title} ${invoice.label} — ${invoice.seller.name}`,
      Author: invoice.seller.name,
      Subject: `${title} ${invoice.label} for ${invoice.buyer.name}`,
      Creator: "Hourbook",
      Producer: "Hourbook",
      CreationDate: stamp,
      ModDate: stamp,
    },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);

  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array<ArrayBuffer>>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });

  draw(doc, invoice, options, title);
  doc.end();
  return done;
}

type Doc = PDFKit.PDFDocument;

function draw(doc: Doc, invoice: InvoiceDetail, options: InvoicePdfOptions, title: string) {
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const left = MARGIN;
  const width = doc.page.width - 2 * MARGIN;
  const bottom = () => doc.page.height - doc.page.margins.bottom;
  /** Starts a new page when `height` more points would not fit on this one. */
  const room = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage();
  };

  // Title and number; the logo top right.
  doc.font("bold").fontSize(22).fillColor(INK).text(title, left, MARGIN);
  doc.font("regular").fontSize(12).fillColor(MUTED).text(invoice.label);
  if (options.logo) {
    doc.image(Buffer.from(options.logo.data), left + width - 160, MARGIN, { fit: [160, 60], align: "right" });
  }
  doc.y = Math.max(doc.y, MARGIN + 64) + 12;

  // Seller and buyer side by side.
  const column = (width - 24) / 2;
  const top = doc.y;
  const seller = invoice.seller;
  const buyer = invoice.buyer;
  const sellerEnd = party(doc, "From", [
    [seller.name, true],
    ...lines(seller.address),
    ...(seller.taxId ? [[`VAT/Tax ID: ${seller.taxId}`, false] as const] : []),
    ...(seller.email ? [[seller.email, false] as const] : []),
  ], left, top, column);
  const buyerEnd = party(doc, "Bill to", [
    [buyer.name, true],
    ...lines(buyer.address),
    ...(buyer.taxId ? [[`VAT/Tax ID: ${buyer.taxId}`, false] as const] : []),
    ...(buyer.email ? [[buyer.email, false] as const] : []),
  ], left + column + 24, top, column);
  doc.y = Math.max(sellerEnd, buyerEnd) + 16;

  // Dates, the work period, what a credit note credits.
  const facts: [string, string][] = [
    ["Issue date", date(invoice.issueDate)],
    ["Due date", date(invoice.dueDate)],
  ];
  if (invoice.periodStart && invoice.periodEnd) facts.push(["Period", formatPeriod(invoice.periodStart, invoice.periodEnd)]);
  if (invoice.creditedInvoice) facts.push(["Credits", invoice.creditedInvoice.label]);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font("regular").fontSize(10).fillColor(MUTED).text(label, left, y, { width: 90 });
    doc.font("regular").fillColor(INK).text(value, left + 90, y, { width: width - 90 });
    doc.y = Math.max(doc.y, y + 14);
  }
  doc.y += 16;

  // The lines; the header repeats on every page the table runs onto.
  const cols = { description: width - 230, hours: 60, rate: 80, amount: 90 };
  const x = { description: left, hours: left + cols.description, rate: left + cols.description + cols.hours, amount: left + width - cols.amount };
  const header = () => {
    const y = doc.y;
    doc.font("bold").fontSize(9).fillColor(MUTED);
    doc.text("Description", x.description, y, { width: cols.description - 8 });
    doc.text("Hours", x.hours, y, { width: cols.hours, align: "right" });
    doc.text("Rate", x.rate, y, { width: cols.rate, align: "right" });
    doc.text("Amount", x.amount, y, { width: cols.amount, align: "right" });
    doc.y = y + 14;
    rule(doc, left, width);
  };
  room(40);
  header();
  for (const line of invoice.lines) {
    doc.font("regular").fontSize(10);
    const height = doc.heightOfString(line.description, { width: cols.description - 8 }) + 8;
    if (doc.y + height > bottom()) {
      doc.addPage();
      header();
    }
    const y = doc.y + 4;
    doc.fillColor(INK).text(line.description, x.description, y, { width: cols.description - 8 });
    if (!isFixedAmountLine(line)) {
      doc.text(formatHours(line.quantitySeconds), x.hours, y, { width: cols.hours, align: "right" });
      doc.text(`${money(line.unitRate)}/h`, x.rate, y, { width: cols.rate, align: "right" });
    }
    doc.text(money(line.amount), x.amount, y, { width: cols.amount, align: "right" });
    doc.y = y + height - 4;
  }
  rule(doc, left, width);
  doc.y += 6;

  // Totals, right-aligned under the amounts.
  const rows = invoiceTotalsRows(invoice);
  const taxNoteHeight = invoice.taxNote ? doc.font("regular").fontSize(9).heightOfString(invoice.taxNote, { width: 260 }) + 6 : 0;
  room(rows.length * 16 + taxNoteHeight);
  const labelX = left + width - 90 - 200;
  for (const row of rows) {
    const y = doc.y;
    doc.font(row.strong ? "bold" : "regular").fontSize(10).fillColor(row.strong ? INK : MUTED).text(row.label, labelX, y, { width: 192, align: "right" });
    doc.fillColor(INK).text(row.amount, x.amount, y, { width: cols.amount, align: "right" });
    doc.y = y + 16;
  }
  if (invoice.taxNote) {
    doc.font("regular").fontSize(9).fillColor(MUTED).text(invoice.taxNote, left + width - 260, doc.y + 2, { width: 260, align: "right" });
  }
  doc.y += 16;

  for (const [heading, body] of [["Payment instructions", invoice.kind === "invoice" ? seller.paymentInstructions : ""], ["Notes", invoice.notes]] as const) {
    if (!body) continue;
    doc.font("regular").fontSize(10);
    room(Math.min(doc.heightOfString(body, { width }) + 20, 120));
    doc.font("bold").fontSize(9).fillColor(MUTED).text(heading.toUpperCase(), left, doc.y, { width, characterSpacing: 0.5 });
    doc.moveDown(0.2);
    doc.font("regular").fontSize(10).fillColor(INK).text(body, left, doc.y, { width });
    doc.y += 14;
  }

  // Footer on every page: which document, which page.
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const keep = doc.page.margins.bottom;
    // Writing inside the bottom margin would otherwise start a new page.
    doc.page.margins.bottom = 0;
    doc.font("regular").fontSize(8).fillColor(MUTED)
      .text(`${title} ${invoice.label} · ${seller.name} · Page ${i - range.start + 1} of ${range.count}`, left, doc.page.height - MARGIN, { width, align: "center", lineBreak: false });
    doc.page.margins.bottom = keep;
  }
}

function lines(text: string): (readonly [string, boolean])[] {
  return text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean).map((l) => [l, false] as const);
}

/** A party block (caption, then its lines); answers where it ends. */
function party(doc: Doc, caption: string, rows: (readonly [string, boolean])[], x: number, y: number, width: number): number {
  doc.font("bold").fontSize(9).fillColor(MUTED).text(caption.toUpperCase(), x, y, { width, characterSpacing: 0.5 });
  doc.moveDown(0.3);
  for (const [text, strong] of rows) {
    doc.font(strong ? "bold" : "regular").fontSize(10).fillColor(INK).text(text, x, doc.y, { width });
  }
  return doc.y;
}

function rule(doc: Doc, x: number, width: number) {
  doc.moveTo(x, doc.y).lineTo(x + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke();
  doc.y += 2;
}

/**
 * Whether the PDF library can embed these bytes as an image: a PNG or JPEG it can read, not
 * just one that starts with the right signature. Uploads are checked with it, so a truncated or
 * corrupt logo is refused when it is uploaded instead of failing every invoice sent after it.
 */
export function isEmbeddableImage(data: Uint8Array): boolean {
  try {
    // openImage parses the image as doc.image() will; @types/pdfkit does not declare it.
    (new PDFDocument({ autoFirstPage: false }) as unknown as { openImage(src: Buffer): unknown }).openImage(Buffer.from(data));
    return true;
  } catch {
    return false;
  }
}

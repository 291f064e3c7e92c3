import type { InvoiceKind, InvoiceStatus, OutboxKind, PaymentMethod, Prisma } from "@/lib/generated/prisma/client";
import { storedDiscount, storedTaxes, type InvoiceDiscount, type InvoiceTax } from "@/lib/domain/billing/invoice-adjustments";
import { documentLabel } from "@/lib/domain/billing/invoice-lines";
import { now } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";
import { balanceDueOf, refundDueOf } from "./invoice-settlement";
import { buyerFields, buyerOf, frozenBuyer, frozenSeller, sellerFields, sellerOf, type InvoiceBuyer, type InvoiceSeller } from "./invoice-parties";

const labelFields = { invoicePrefix: true, creditNotePrefix: true } satisfies Prisma.WorkspaceSelect;

export const invoiceSummaryInclude = {
  client: { select: { id: true, name: true, email: true } },
  workspace: { select: { ...labelFields, timeZone: true, name: true } },
} satisfies Prisma.InvoiceInclude;

export const invoiceDetailInclude = {
  client: { select: { id: true, ...buyerFields } },
  workspace: { select: { ...labelFields, ...sellerFields, timeZone: true, paperSize: true } },
  creditedInvoice: { select: { id: true, kind: true, number: true } },
  creditNotes: { orderBy: { number: "asc" }, select: { id: true, kind: true, number: true, total: true, status: true } },
  lines: {
    orderBy: { position: "asc" },
    include: {
      project: { select: { id: true, name: true } },
      task: { select: { id: true, name: true } },
      _count: { select: { timeEntries: true } },
    },
  },
  payments: { orderBy: { paidOn: "asc" }, include: { recordedBy: { select: { user: { select: { name: true } } } } } },
  outbox: {
    orderBy: { createdAt: "asc" },
    select: { id: true, kind: true, toAddress: true, subject: true, body: true, attachmentName: true, createdAt: true },
  },
} satisfies Prisma.InvoiceInclude;

type SummaryRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceSummaryInclude }>;
type DetailRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceDetailInclude }>;

export interface InvoiceSummary {
  id: string;
  /** An invoice, or a credit note (negative amounts) cancelling part or all of one. */
  kind: InvoiceKind;
  /** Sequential per workspace and kind. */
  number: number;
  /** "INV-0042", or "CN-0003" for a credit note. */
  label: string;
  status: InvoiceStatus;
  client: { id: string; name: string; email: string | null };
  /** Calendar dates in the workspace's time zone. */
  issueDate: string;
  dueDate: string;
  currency: string;
  /** Minor units: the lines' sum, before discount and taxes. */
  subtotal: number;
  /** Minor units taken off the subtotal before tax (≥ 0; ≤ 0 on a credit note, which negates the invoice's). */
  discountAmount: number;
  /** Basis points: the sum of the taxes' rates (kept for callers written before named taxes). */
  taxRate: number;
  /** Minor units: the sum of `taxes`' amounts. */
  taxAmount: number;
  total: number;
  amountPaid: number;
  /** Minor units credit notes took off this invoice. */
  amountCredited: number;
  /** max(0, total − amountPaid − amountCredited); 0 for void invoices and credit notes (see invoice-settlement.ts). */
  balanceDue: number;
  /** max(0, amountPaid + amountCredited − total): paid beyond what a credit note left owing, owed back to the client. */
  refundDue: number;
  overdue: boolean;
  sentAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  notes: string;
  /** A reverse-charge or exemption statement printed under the taxes. */
  taxNote: string;
  taxes: InvoiceTax[];
  discount: InvoiceDiscount | null;
  /** Frozen when sent; a draft's are the workspace's and client's current details. */
  seller: InvoiceSeller;
  buyer: InvoiceBuyer;
  paperSize: "a4" | "letter";
  /** A credit note: the invoice it credits. */
  creditedInvoice: { id: string; label: string } | null;
  /** An invoice: the credit notes issued against it. */
  creditNotes: { id: string; label: string; total: number; status: InvoiceStatus }[];
  periodStart: string | null;
  periodEnd: string | null;
  lines: {
    id: string;
    position: number;
    description: string;
    project: { id: string; name: string } | null;
    task: { id: string; name: string } | null;
    quantitySeconds: number;
    unitRate: number;
    amount: number;
    entryCount: number;
  }[];
  payments: { id: string; amount: number; paidOn: string; method: PaymentMethod; reference: string; recordedBy: string }[];
  /** Outbox messages: the invoice as sent, reminders, the credit note. `attachmentName`: the PDF sent with it. */
  deliveries: { id: string; kind: OutboxKind; toAddress: string; subject: string; body: string; attachmentName: string | null; createdAt: Date }[];
}

export function toInvoiceSummary(row: SummaryRow): InvoiceSummary {
  const { timeZone } = row.workspace;
  const dueDate = localDateOf(row.dueDate, timeZone);
  const taxes = storedTaxes(row.taxes);
  const owes = row.kind === "invoice" && row.status !== "void";
  const balanceDue = owes ? balanceDueOf(row) : 0;
  return {
    id: row.id,
    kind: row.kind,
    number: row.number,
    label: documentLabel(row.workspace, row),
    status: row.status,
    client: { id: row.client.id, name: row.client.name, email: row.client.email },
    issueDate: localDateOf(row.issueDate, timeZone),
    dueDate,
    currency: row.currency,
    subtotal: row.subtotal,
    discountAmount: row.discountAmount,
    taxRate: taxes.reduce((sum, tax) => sum + tax.rate, 0),
    taxAmount: row.taxAmount,
    total: row.total,
    amountPaid: row.amountPaid,
    amountCredited: row.amountCredited,
    balanceDue,
    refundDue: owes ? refundDueOf(row) : 0,
    // A credit note owes nothing, so it is never overdue; nor is an invoice credit notes settled.
    overdue: owes && row.status === "sent" && balanceDue > 0 && dueDate < localDateOf(now(), timeZone),
    sentAt: row.sentAt,
    paidAt: row.paidAt,
    voidedAt: row.voidedAt,
  };
}

export function toInvoiceDetail(row: DetailRow): InvoiceDetail {
  const { timeZone } = row.workspace;
  return {
    ...toInvoiceSummary(row),
    notes: row.notes,
    taxNote: row.taxNote,
    taxes: storedTaxes(row.taxes),
    discount: storedDiscount(row.discount),
    seller: frozenSeller(row.seller) ?? sellerOf(row.workspace),
    buyer: frozenBuyer(row.buyer) ?? buyerOf(row.client),
    paperSize: row.workspace.paperSize,
    creditedInvoice: row.creditedInvoice ? { id: row.creditedInvoice.id, label: documentLabel(row.workspace, row.creditedInvoice) } : null,
    creditNotes: row.creditNotes.map((note) => ({ id: note.id, label: documentLabel(row.workspace, note), total: note.total, status: note.status })),
    periodStart: row.periodStart ? localDateOf(row.periodStart, timeZone) : null,
    periodEnd: row.periodEnd ? localDateOf(row.periodEnd, timeZone) : null,
    lines: row.lines.map((line) => ({
      id: line.id,
      position: line.position,
      description: line.description,
      project: line.project,
      task: line.task,
      quantitySeconds: line.quantitySeconds,
      unitRate: line.unitRate,
      amount: line.amount,
      entryCount: line._count.timeEntries,
    })),
    payments: row.payments.map((p) => ({
      id: p.id,
      amount: p.amount,
      paidOn: localDateOf(p.paidOn, timeZone),
      method: p.method,
      reference: p.reference,
      recordedBy: p.recordedBy.user.name,
    })),
    deliveries: row.outbox.map((m) => ({
      id: m.id,
      kind: m.kind,
      toAddress: m.toAddress,
      subject: m.subject,
      body: m.body,
      attachmentName: m.attachmentName,
      createdAt: m.createdAt,
    })),
  };
}

import type { InvoiceStatus, PaymentMethod, Prisma } from "@/lib/generated/prisma/client";
import { invoiceLabel } from "@/lib/domain/billing/invoice-lines";
import { now } from "@/lib/domain/clock";
import { localDateOf } from "@/lib/domain/dates";

export const invoiceSummaryInclude = {
  client: { select: { id: true, name: true, email: true } },
  workspace: { select: { invoicePrefix: true, timeZone: true, name: true } },
} satisfies Prisma.InvoiceInclude;

export const invoiceDetailInclude = {
  ...invoiceSummaryInclude,
  lines: {
    orderBy: { position: "asc" },
    include: {
      project: { select: { id: true, name: true } },
      task: { select: { id: true, name: true } },
      _count: { select: { timeEntries: true } },
    },
  },
  payments: { orderBy: { paidOn: "asc" }, include: { recordedBy: { select: { user: { select: { name: true } } } } } },
  outbox: { orderBy: { createdAt: "asc" } },
} satisfies Prisma.InvoiceInclude;

type SummaryRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceSummaryInclude }>;
type DetailRow = Prisma.InvoiceGetPayload<{ include: typeof invoiceDetailInclude }>;

export interface InvoiceSummary {
  id: string;
  number: number;
  /** "INV-0042" */
  label: string;
  status: InvoiceStatus;
  client: { id: string; name: string; email: string | null };
  /** Calendar dates in the workspace's time zone. */
  issueDate: string;
  dueDate: string;
  currency: string;
  subtotal: number;
  taxRate: number;
  taxAmount: number;
  total: number;
  amountPaid: number;
  balanceDue: number;
  overdue: boolean;
  sentAt: Date | null;
  paidAt: Date | null;
  voidedAt: Date | null;
}

export interface InvoiceDetail extends InvoiceSummary {
  notes: string;
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
  deliveries: { id: string; toAddress: string; subject: string; body: string; createdAt: Date }[];
}

export function toInvoiceSummary(row: SummaryRow): InvoiceSummary {
  const { timeZone, invoicePrefix } = row.workspace;
  const dueDate = localDateOf(row.dueDate, timeZone);
  return {
    id: row.id,
    number: row.number,
    label: invoiceLabel(invoicePrefix, row.number),
    status: row.status,
    client: row.client,
    issueDate: localDateOf(row.issueDate, timeZone),
    dueDate,
    currency: row.currency,
    subtotal: row.subtotal,
    taxRate: row.taxRate,
    taxAmount: row.taxAmount,
    total: row.total,
    amountPaid: row.amountPaid,
    balanceDue: row.status === "void" ? 0 : row.total - row.amountPaid,
    overdue: row.status === "sent" && dueDate < localDateOf(now(), timeZone),
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
    deliveries: row.outbox.map((m) => ({ id: m.id, toAddress: m.toAddress, subject: m.subject, body: m.body, createdAt: m.createdAt })),
  };
}

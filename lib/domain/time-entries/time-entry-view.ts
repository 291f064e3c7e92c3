import type { InvoiceStatus, Prisma } from "@/lib/generated/prisma/client";
import { invoiceLabel } from "@/lib/domain/billing/invoice-lines";

export const timeEntryInclude = {
  project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
  task: { select: { id: true, name: true } },
  membership: { select: { id: true, user: { select: { name: true } } } },
  tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
  invoiceLine: {
    select: { invoice: { select: { id: true, number: true, status: true, amountPaid: true, amountCredited: true, workspace: { select: { invoicePrefix: true } } } } },
  },
} satisfies Prisma.TimeEntryInclude;

/** The entry's own columns a view shows; with timeEntryInclude's references, a TimeEntryRow. */
export const timeEntryColumns = { id: true, startedAt: true, durationSeconds: true, description: true, billable: true, hourlyRate: true } satisfies Prisma.TimeEntrySelect;

/** What a view is made of, whether read through timeEntryInclude or by loadTimeEntryViews's one query. */
export type TimeEntryRow = Pick<Prisma.TimeEntryGetPayload<{ include: typeof timeEntryInclude }>, keyof typeof timeEntryColumns | keyof typeof timeEntryInclude>;

export interface TimeEntryView {
  id: string;
  startedAt: Date;
  durationSeconds: number;
  description: string;
  billable: boolean;
  hourlyRate: number;
  project: { id: string; name: string };
  client: { id: string; name: string };
  task: { id: string; name: string } | null;
  member: { id: string; name: string };
  tags: { id: string; name: string }[];
  /** The invoice billing it; `amountPaid` and `amountCredited` (minor units) say which correction can release it (locked-entry-advice.ts). */
  invoice: { id: string; label: string; status: InvoiceStatus; amountPaid: number; amountCredited: number } | null;
}

export function toTimeEntryView(row: TimeEntryRow): TimeEntryView {
  const invoice = row.invoiceLine?.invoice;
  return {
    id: row.id,
    startedAt: row.startedAt,
    durationSeconds: row.durationSeconds,
    description: row.description,
    billable: row.billable,
    hourlyRate: row.hourlyRate,
    project: { id: row.project.id, name: row.project.name },
    client: row.project.client,
    task: row.task,
    member: { id: row.membership.id, name: row.membership.user.name },
    tags: row.tags.map((t) => t.tag),
    invoice: invoice
      ? { id: invoice.id, label: invoiceLabel(invoice.workspace.invoicePrefix, invoice.number), status: invoice.status, amountPaid: invoice.amountPaid, amountCredited: invoice.amountCredited }
      : null,
  };
}

import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { billTimeEntry } from "@/lib/domain/billing/billable-time";
import { loadBillingRules } from "@/lib/domain/billing/load-billing-rules";
import { now } from "@/lib/domain/clock";
import { addIsoDays, firstOfMonth, localDateOf, startOfLocalDay } from "@/lib/domain/dates";
import { invoiceSummaryInclude, toInvoiceSummary, type InvoiceSummary } from "@/lib/domain/invoices/invoice-view";
import { loadWorkspace } from "@/lib/domain/workspaces/load-workspace";

export interface BillingHubSummary {
  currency: string;
  today: string;
  unbilledByClient: { client: { id: string; name: string }; entryCount: number; billableSeconds: number; amount: number; oldest: Date }[];
  unbilled: { billableSeconds: number; amount: number };
  drafts: { count: number; amount: number };
  outstanding: { count: number; amount: number };
  overdue: { count: number; amount: number; invoices: InvoiceSummary[] };
  /** Invoices credited after being paid: what is owed back to clients. */
  refundsDue: { count: number; amount: number };
  paidThisMonth: { count: number; amount: number };
}

/** The money picture of a workspace at a glance: what to bill, what is owed, what came in. */
export async function getBillingHubSummary(actor: Actor): Promise<BillingHubSummary> {
  assertCan(actor, "billing:read", "view the Billing Hub");
  const workspace = await loadWorkspace(actor);
  const today = localDateOf(now(), workspace.timeZone);
  const monthStart = startOfLocalDay(firstOfMonth(today), workspace.timeZone);
  const nextMonthStart = startOfLocalDay(firstOfMonth(addIsoDays(firstOfMonth(today), 32)), workspace.timeZone);

  const [unbilledEntries, rules, openInvoices, drafts, payments] = await Promise.all([
    db.timeEntry.findMany({
      where: { workspaceId: actor.workspaceId, billable: true, invoiceLineId: null },
      select: {
        startedAt: true,
        durationSeconds: true,
        hourlyRate: true,
        membershipId: true,
        project: { select: { id: true, client: { select: { id: true, name: true } } } },
      },
    }),
    loadBillingRules(actor.workspaceId),
    // Invoices only: a credit note owes nothing. Paid ones too, for the refunds a credit note left.
    db.invoice.findMany({
      where: { workspaceId: actor.workspaceId, kind: "invoice", status: { in: ["sent", "paid"] } },
      include: invoiceSummaryInclude,
      orderBy: [{ dueDate: "asc" }, { number: "asc" }],
    }),
    db.invoice.aggregate({ where: { workspaceId: actor.workspaceId, kind: "invoice", status: "draft" }, _count: true, _sum: { total: true } }),
    db.payment.aggregate({
      where: { workspaceId: actor.workspaceId, paidOn: { gte: monthStart, lt: nextMonthStart } },
      _count: true,
      _sum: { amount: true },
    }),
  ]);

  const byClient = new Map<string, BillingHubSummary["unbilledByClient"][number]>();
  for (const entry of unbilledEntries) {
    const client = entry.project.client;
    const billed = billTimeEntry(entry, { clientId: client.id, projectId: entry.project.id, membershipId: entry.membershipId }, rules);
    const row = byClient.get(client.id) ?? { client, entryCount: 0, billableSeconds: 0, amount: 0, oldest: entry.startedAt };
    row.entryCount += 1;
    row.billableSeconds += billed.billableSeconds;
    row.amount += billed.amount;
    if (entry.startedAt < row.oldest) row.oldest = entry.startedAt;
    byClient.set(client.id, row);
  }
  const unbilledByClient = [...byClient.values()].sort((a, b) => b.amount - a.amount);

  const issued = openInvoices.map(toInvoiceSummary);
  // Outstanding: what is still owed, so an invoice credit notes settled drops out.
  const open = issued.filter((invoice) => invoice.balanceDue > 0);
  const overdue = open.filter((invoice) => invoice.overdue);
  const refunds = issued.filter((invoice) => invoice.refundDue > 0);
  const sum = (items: { balanceDue: number }[]) => items.reduce((total, i) => total + i.balanceDue, 0);
  return {
    currency: workspace.currency,
    today,
    unbilledByClient,
    unbilled: {
      billableSeconds: unbilledByClient.reduce((s, r) => s + r.billableSeconds, 0),
      amount: unbilledByClient.reduce((s, r) => s + r.amount, 0),
    },
    drafts: { count: drafts._count, amount: drafts._sum.total ?? 0 },
    outstanding: { count: open.length, amount: sum(open) },
    overdue: { count: overdue.length, amount: sum(overdue), invoices: overdue },
    refundsDue: { count: refunds.length, amount: refunds.reduce((total, i) => total + i.refundDue, 0) },
    paidThisMonth: { count: payments._count, amount: payments._sum.amount ?? 0 },
  };
}

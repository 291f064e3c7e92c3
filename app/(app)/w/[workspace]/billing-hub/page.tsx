import type { Metadata } from "next";
import { OverdueInvoices } from "@/components/billing-hub/overdue-invoices";
import { UnbilledByClient } from "@/components/billing-hub/unbilled-by-client";
import { ButtonLink } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { formatIsoDate } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { formatMoney } from "@/lib/domain/money";
import { findLastReminders } from "@/lib/domain/invoices/find-last-reminders";
import { getBillingHubSummary } from "@/lib/domain/reports/get-billing-hub-summary";
import { attempt } from "@/lib/web/domain-result";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { sendReminderAction } from "../invoices/reminder-actions";

export const metadata: Metadata = { title: "Billing Hub" };

const count = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export default async function BillingHubPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const invoicesPath = `/w/${slug}/invoices`;

  const result = await attempt(() => getBillingHubSummary(actor));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Billing Hub" />
        <RefusedNotice title="The Billing Hub is not available to you" message={result.error.message} />
      </>
    );
  }
  const hub = result.value;
  const money = (amount: number) => formatMoney(amount, hub.currency);
  const canInvoice = can(actor, "invoices:write");
  const lastReminders = can(actor, "invoices:read") ? await findLastReminders(actor, hub.overdue.invoices.map((i) => i.id)) : new Map<string, Date>();

  return (
    <>
      <PageHeader
        title="Billing Hub"
        description={`What to bill, what is owed and what came in, as of ${formatIsoDate(hub.today, "EEEE d MMMM yyyy")}.`}
        actions={
          <>
            <ButtonLink variant="secondary" href={invoicesPath}>
              All invoices
            </ButtonLink>
            {canInvoice ? <ButtonLink href={`${invoicesPath}/new`}>New invoice</ButtonLink> : null}
          </>
        }
      />
      <dl className="mb-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Unbilled" value={money(hub.unbilled.amount)} detail={`${formatDuration(hub.unbilled.billableSeconds)} billable hours not yet invoiced`} />
        <Stat
          label="Outstanding"
          value={money(hub.outstanding.amount)}
          detail={`${count(hub.outstanding.count, "sent invoice")} awaiting payment${hub.drafts.count ? ` · ${count(hub.drafts.count, "draft")} (${money(hub.drafts.amount)})` : ""}`}
        />
        <Stat
          label="Overdue"
          value={money(hub.overdue.amount)}
          tone={hub.overdue.count ? "warning" : "default"}
          detail={hub.overdue.count ? `${count(hub.overdue.count, "invoice")} past the due date` : "Nothing is late"}
        />
        <Stat label="Paid this month" value={money(hub.paidThisMonth.amount)} tone={hub.paidThisMonth.amount ? "good" : "default"} detail={count(hub.paidThisMonth.count, "payment")} />
        {hub.refundsDue.count ? (
          <Stat label="Refunds due" value={money(hub.refundsDue.amount)} tone="warning" detail={`${count(hub.refundsDue.count, "invoice")} credited after payment`} />
        ) : null}
      </dl>

      <div className="space-y-6">
        <Card title="Ready to invoice" description="Unbilled billable time per client, after rounding and minimums.">
          {hub.unbilledByClient.length ? (
            <div className="-mx-5 -my-4">
              <UnbilledByClient
                rows={hub.unbilledByClient}
                currency={hub.currency}
                timeZone={workspace.timeZone}
                newInvoicePath={`${invoicesPath}/new`}
                canInvoice={canInvoice}
              />
            </div>
          ) : (
            <EmptyState title="Everything is invoiced">Billable time appears here until it goes on an invoice.</EmptyState>
          )}
        </Card>
        <Card title="Overdue" description="Sent invoices past their due date. A reminder goes to the client's outbox with the invoice PDF.">
          {hub.overdue.invoices.length ? (
            <div className="-mx-5 -my-4">
              <OverdueInvoices
                invoices={hub.overdue.invoices}
                today={hub.today}
                invoicesPath={invoicesPath}
                lastReminders={lastReminders}
                timeZone={await viewerTimeZone(workspace.timeZone)}
                remind={can(actor, "invoices:send") ? sendReminderAction.bind(null, slug) : null}
              />
            </div>
          ) : (
            <EmptyState title="No overdue invoices">Every sent invoice is still within its payment terms.</EmptyState>
          )}
        </Card>
      </div>
    </>
  );
}

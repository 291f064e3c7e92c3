import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Link from "next/link";
import { CreditNoteForm } from "@/components/invoices/credit-note-form";
import { InvoiceDocument } from "@/components/invoices/invoice-document";
import { InvoicePayments } from "@/components/invoices/invoice-payments";
import { OutboxMessages } from "@/components/invoices/outbox-messages";
import { RecordPaymentForm } from "@/components/invoices/record-payment-form";
import { SendInvoiceForm } from "@/components/invoices/send-invoice-form";
import { SendReminderForm } from "@/components/invoices/send-reminder-form";
import { VoidInvoiceForm } from "@/components/invoices/void-invoice-form";
import { buttonClasses, ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { formatIsoDate, localDateOf } from "@/lib/domain/dates";
import { getInvoice } from "@/lib/domain/invoices/get-invoice";
import { formatMoney } from "@/lib/domain/money";
import { attempt } from "@/lib/web/domain-result";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { formatInstant } from "@/lib/web/format-time";
import { recordPaymentAction, sendInvoiceAction, voidInvoiceAction } from "../actions";
import { sendReminderAction } from "../reminder-actions";
import { createCreditNoteAction, removePaymentAction } from "../correction-actions";

export const metadata: Metadata = { title: "Invoice" };

export default async function InvoicePage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace: slug, id } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const basePath = `/w/${slug}/invoices`;

  const result = await attempt(() => getInvoice(actor, id));
  if (!result.ok) {
    if (result.error.code === "not_found") notFound();
    return (
      <>
        <PageHeader title="Invoice" />
        <RefusedNotice title="Invoices are not available to you" message={result.error.message} />
      </>
    );
  }
  const invoice = result.value;
  const money = (amount: number) => formatMoney(amount, invoice.currency);
  const today = localDateOf(now(), workspace.timeZone);
  const viewerZone = await viewerTimeZone(workspace.timeZone);
  const entryCount = invoice.lines.reduce((sum, line) => sum + line.entryCount, 0);
  const lastReminder = invoice.deliveries.filter((d) => d.kind === "reminder").at(-1);
  const isInvoice = invoice.kind === "invoice";
  const canVoid =
    isInvoice && can(actor, "invoices:void") && (invoice.status === "draft" || invoice.status === "sent") && invoice.amountPaid === 0 && invoice.amountCredited === 0;
  // A sent or paid invoice with something left to credit (tax included).
  const creditable = isInvoice && (invoice.status === "sent" || invoice.status === "paid") ? invoice.total - invoice.amountCredited : 0;

  return (
    <>
      {/* Printing the page prints the invoice document only: no navigation, forms or outbox. */}
      <div className="print:hidden">
      <PageHeader
        title={`${invoice.label} · ${invoice.client.name}`}
        description={
          !isInvoice
            ? `Credit note · ${money(invoice.total)}${invoice.creditedInvoice ? ` · credits ${invoice.creditedInvoice.label}` : ""}`
            : invoice.status === "void"
              ? `${money(invoice.total)} · void`
              : `${money(invoice.total)} · ${entryCount} time ${entryCount === 1 ? "entry" : "entries"} on ${invoice.lines.length} ${invoice.lines.length === 1 ? "line" : "lines"}`
        }
        actions={
          <>
            {invoice.status === "draft" && can(actor, "invoices:write") ? <ButtonLink href={`${basePath}/${invoice.id}/edit`}>Edit draft</ButtonLink> : null}
            <a href={`${basePath}/${invoice.id}/pdf`} download={`${invoice.label}.pdf`} className={buttonClasses("primary")} data-testid="download-pdf">
              Download PDF
            </a>
            <ButtonLink variant="secondary" href={basePath}>
              All invoices
            </ButtonLink>
          </>
        }
      />
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem] print:block">
        <div className="space-y-6">
          <div className="print:[&>article]:shadow-none print:[&>article]:ring-0" data-testid="invoice-print-area">
            <InvoiceDocument invoice={invoice} logoUrl={invoice.seller.logoId ? `/w/${workspace.slug}/settings/logo/${invoice.seller.logoId}` : null} />
          </div>
          {invoice.deliveries.length ? (
            <Card className="print:hidden" title="Outbox" description="Hourbook has no mail server; this is the message as it would have been delivered, with the PDF it carried.">
              <OutboxMessages deliveries={invoice.deliveries} timeZone={viewerZone} invoicePath={`${basePath}/${invoice.id}`} />
            </Card>
          ) : null}
        </div>

        <div className="space-y-6 print:hidden">
          {invoice.creditedInvoice ? (
            <Card title={`Credits ${invoice.creditedInvoice.label}`}>
              <p className="text-sm text-slate-600">
                This credit note takes {money(-invoice.total)} off{" "}
                <Link href={`${basePath}/${invoice.creditedInvoice.id}`} className="font-medium text-indigo-700 hover:underline" data-testid="credited-invoice-link">
                  {invoice.creditedInvoice.label}
                </Link>
                . It is final: it takes no payments and cannot be voided.
              </p>
            </Card>
          ) : null}

          {invoice.creditNotes.length ? (
            <Card title="Credit notes">
              <ul className="space-y-1 text-sm" data-testid="credit-notes">
                {invoice.creditNotes.map((note) => (
                  <li key={note.id} className="flex justify-between gap-3">
                    <Link href={`${basePath}/${note.id}`} className="font-medium text-indigo-700 hover:underline">
                      {note.label}
                    </Link>
                    <span className="tabular-nums text-slate-700">{money(note.total)}</span>
                  </li>
                ))}
              </ul>
              {invoice.refundDue ? (
                <p className="mt-3 text-sm font-medium text-amber-800" data-testid="refund-due-note">
                  Refund due: {money(invoice.refundDue)} paid beyond what is now owed goes back to {invoice.client.name}.
                </p>
              ) : null}
            </Card>
          ) : null}

          {invoice.status === "draft" ? (
            <Card title="Send" description="A draft can still be voided; once sent it can take payments.">
              {can(actor, "invoices:send") ? (
                <SendInvoiceForm action={sendInvoiceAction.bind(null, slug)} invoiceId={invoice.id} clientEmail={invoice.client.email} />
              ) : (
                <p className="text-sm text-slate-500">Only owners and admins can send invoices.</p>
              )}
            </Card>
          ) : null}

          {isInvoice && invoice.status === "sent" && invoice.balanceDue > 0 ? (
            <Card
              title="Record a payment"
              description={invoice.overdue ? `Overdue since ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}.` : `Due ${formatIsoDate(invoice.dueDate, "d MMM yyyy")}.`}
            >
              {can(actor, "payments:write") ? (
                <RecordPaymentForm
                  action={recordPaymentAction.bind(null, slug)}
                  invoiceId={invoice.id}
                  balanceDue={invoice.balanceDue}
                  currency={invoice.currency}
                  today={today}
                />
              ) : (
                <p className="text-sm text-slate-500">Only owners and admins can record payments.</p>
              )}
            </Card>
          ) : null}

          {invoice.kind === "invoice" && invoice.status === "sent" && invoice.balanceDue > 0 ? (
            <Card
              title="Send reminder"
              description={`${invoice.overdue ? "Overdue" : "Not yet due"}: ${money(invoice.balanceDue)} to pay. The reminder goes to the outbox with the PDF.`}
            >
              {can(actor, "invoices:send") ? (
                <SendReminderForm
                  action={sendReminderAction.bind(null, slug)}
                  invoiceId={invoice.id}
                  clientEmail={invoice.buyer.email ?? invoice.client.email}
                  lastReminder={lastReminder ? formatInstant(lastReminder.createdAt, viewerZone) : null}
                />
              ) : (
                <p className="text-sm text-slate-500">Only owners and admins can send reminders.</p>
              )}
            </Card>
          ) : null}

          {invoice.status === "paid" ? (
            <Card title="Paid in full">
              <p className="text-sm text-slate-600">
                {invoice.paidAt ? `Settled on ${formatIsoDate(localDateOf(invoice.paidAt, workspace.timeZone), "d MMM yyyy")}. ` : ""}
                To cancel it in full or in part, issue a credit note.
              </p>
            </Card>
          ) : null}

          {invoice.status === "void" ? (
            <Card title="Void">
              <p className="text-sm text-slate-600">
                {invoice.voidedAt ? `Voided on ${formatIsoDate(localDateOf(invoice.voidedAt, workspace.timeZone), "d MMM yyyy")}. ` : ""}
                It keeps its number; its time is unbilled again and can go on a new invoice.
              </p>
            </Card>
          ) : null}

          {isInvoice && invoice.payments.length ? (
            <Card title="Payments">
              <InvoicePayments
                invoiceId={invoice.id}
                label={invoice.label}
                currency={invoice.currency}
                payments={invoice.payments}
                removeAction={can(actor, "payments:remove") && invoice.status !== "void" ? removePaymentAction.bind(null, slug) : null}
              />
            </Card>
          ) : null}

          {creditable > 0 && can(actor, "invoices:credit") ? (
            <Card
              title="Credit note"
              description={
                invoice.amountPaid > 0
                  ? "Payments were recorded, so this invoice cannot be voided: a credit note cancels it in full or in part."
                  : "Cancel all or part of this invoice with a credit note (voiding also works while nothing is paid)."
              }
            >
              <CreditNoteForm
                action={createCreditNoteAction.bind(null, slug)}
                invoiceId={invoice.id}
                label={invoice.label}
                currency={invoice.currency}
                creditable={creditable}
                taxRate={invoice.taxRate}
                fullAvailable={invoice.amountCredited === 0}
              />
            </Card>
          ) : null}

          {canVoid ? (
            <Card title="Void">
              <VoidInvoiceForm action={voidInvoiceAction.bind(null, slug)} invoiceId={invoice.id} label={invoice.label} entryCount={entryCount} />
            </Card>
          ) : null}
        </div>
      </div>
    </>
  );
}

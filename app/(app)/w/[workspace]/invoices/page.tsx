import type { Metadata } from "next";
import Link from "next/link";
import { InvoiceTable } from "@/components/invoices/invoice-table";
import { StatusFilter } from "@/components/invoices/status-filter";
import { Alert } from "@/components/ui/alert";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { listInvoices } from "@/lib/domain/invoices/list-invoices";
import { attempt } from "@/lib/web/domain-result";
import { INVOICE_STATUS_LABELS, invoiceStatusNotice, isInvoiceStatus } from "@/lib/web/invoice-status";
import { param, queryString, type SearchParams } from "@/lib/web/search-params";

export const metadata: Metadata = { title: "Invoices" };

const PAGE_SIZE = 25;

export default async function InvoicesPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor } = await requireWorkspaceActor(slug);
  const query = await searchParams;
  const basePath = `/w/${slug}/invoices`;
  const statusParam = param(query, "status");
  const status = isInvoiceStatus(statusParam) ? statusParam : undefined;
  const cursor = param(query, "cursor");

  const result = await attempt(() => listInvoices(actor, { status, cursor, limit: PAGE_SIZE }));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Invoices" />
        {result.error.code === "forbidden" ? (
          <RefusedNotice title="Invoices are not available to you" message={result.error.message} />
        ) : (
          <Alert tone="error" title="This page of invoices cannot be shown" testId="invoices-error">
            {result.error.message}{" "}
            <Link href={basePath} className="font-medium underline">
              Show the newest invoices
            </Link>
          </Alert>
        )}
      </>
    );
  }
  const { invoices, nextCursor } = result.value;

  return (
    <>
      <PageHeader
        title="Invoices"
        description="Drafts, sent invoices and payments. Overdue invoices are flagged once their due date has passed."
        actions={can(actor, "invoices:write") ? <ButtonLink href={`${basePath}/new`}>New invoice</ButtonLink> : null}
      />
      {invoiceStatusNotice(statusParam) ? (
        <div className="mb-4">
          <Alert tone="warning" testId="status-notice">
            {invoiceStatusNotice(statusParam)}
          </Alert>
        </div>
      ) : null}
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <StatusFilter basePath={basePath} current={status} />
        <a href={`${basePath}/export.csv${status ? `?status=${status}` : ""}`} download className={buttonClasses("secondary", "sm")} data-testid="invoices-csv">
          Download CSV
        </a>
      </div>
      {invoices.length === 0 ? (
        <EmptyState
          title={cursor ? "No more invoices" : status ? `No ${INVOICE_STATUS_LABELS[status].toLowerCase()} invoices` : "No invoices yet"}
          action={
            status ? (
              <ButtonLink variant="secondary" href={basePath}>
                Show all invoices
              </ButtonLink>
            ) : can(actor, "invoices:write") && !cursor ? (
              <ButtonLink href={`${basePath}/new`}>Create an invoice from unbilled time</ButtonLink>
            ) : null
          }
        >
          {status ? "Try another status." : "Invoices are drafted from unbilled billable time."}
        </EmptyState>
      ) : (
        <Card>
          <div className="-mx-5 -my-4">
            <InvoiceTable invoices={invoices} basePath={basePath} />
          </div>
        </Card>
      )}
      {cursor || nextCursor ? (
        <nav aria-label="Pages" className="mt-4 flex items-center justify-between text-sm">
          {cursor ? (
            <ButtonLink variant="secondary" size="sm" href={`${basePath}${queryString({ status })}`}>
              ← Newest
            </ButtonLink>
          ) : (
            <span />
          )}
          {nextCursor ? (
            <ButtonLink variant="secondary" size="sm" href={`${basePath}${queryString({ status, cursor: nextCursor })}`}>
              Older invoices →
            </ButtonLink>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}

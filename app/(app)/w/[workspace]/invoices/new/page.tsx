import type { Metadata } from "next";
import { CandidateEntries } from "@/components/invoices/candidate-entries";
import { CreateDraftForm } from "@/components/invoices/create-draft-form";
import { InvoiceLinesTable } from "@/components/invoices/invoice-lines-table";
import { InvoicePlanForm } from "@/components/invoices/invoice-plan-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { listClients } from "@/lib/domain/clients/list-clients";
import { formatIsoDate, localDateOf, formatPeriod } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";
import { previewInvoice } from "@/lib/domain/invoices/preview-invoice";
import { attempt } from "@/lib/web/domain-result";
import { adjustmentFieldErrors } from "@/lib/web/invoice-adjustment-fields";
import { defaultInvoiceRange, readPlanFields, toInvoicePlanInput, type PlanFields } from "@/lib/web/invoice-plan-fields";
import { param, type SearchParams } from "@/lib/web/search-params";
import { createDraftAction } from "../actions";

export const metadata: Metadata = { title: "New invoice" };

export default async function NewInvoicePage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const query = await searchParams;
  const basePath = `/w/${slug}/invoices`;

  const allowed = await attempt(async () => assertCan(actor, "invoices:write", "create invoices"));
  if (!allowed.ok) {
    return (
      <>
        <PageHeader title="New invoice" />
        <RefusedNotice title="You cannot create invoices here" message={allowed.error.message} />
      </>
    );
  }

  const today = localDateOf(now(), workspace.timeZone);
  const typed = readPlanFields((name) => param(query, name));
  // A link from before named taxes (?taxRate=20) opens with that rate as tax row 1.
  const { taxRate: legacyRate, ...rest } = typed;
  const submitted: PlanFields = legacyRate && !rest.tax1Rate ? { ...rest, tax1Label: "Tax", tax1Rate: legacyRate } : typed;
  // A link with only a client (from the Billing Hub) previews everything unbilled.
  const fields: PlanFields = { ...defaultInvoiceRange(today), ...submitted };
  const clients = await listClients(actor);
  const preview = submitted.clientId ? await attempt(() => previewInvoice(actor, toInvoicePlanInput(fields))) : null;
  const errors = preview && !preview.ok ? adjustmentFieldErrors(preview.error.fieldErrors) : {};
  const nothingToBill = preview && !preview.ok && errors.from === "has no unbilled billable time";

  return (
    <>
      <PageHeader
        title="New invoice"
        description="Bill a client's unbilled billable time. Preview the lines and totals first; the draft is created only when you confirm."
        actions={
          <ButtonLink variant="secondary" href={basePath}>
            Back to invoices
          </ButtonLink>
        }
      />
      <div className="space-y-6">
        <Card title="1. What to bill">
          <InvoicePlanForm
            action={`${basePath}/new`}
            clients={clients}
            values={{ issueDate: today, ...fields }}
            errors={errors}
            paymentTermsDays={workspace.paymentTermsDays}
          />
        </Card>

        {preview && !preview.ok ? (
          nothingToBill ? (
            <Alert tone="warning" title="Nothing to invoice" testId="preview-error">
              {preview.error.message} Widen the date range, or track billable time for this client first.
            </Alert>
          ) : (
            <Alert tone="error" title="The preview could not be made" testId="preview-error">
              {/* Field mistakes are said at their fields; the domain's summary names fields as the code does (clientId). */}
              {Object.keys(errors).length ? "Change the highlighted settings and preview again." : preview.error.message}
            </Alert>
          )
        ) : null}

        {preview?.ok ? (
          <Card
            title={`2. Preview: ${preview.value.nextLabel} for ${preview.value.client.name}`}
            description={
              <>
                Issued {formatIsoDate(preview.value.issueDate, "d MMM yyyy")} · due {formatIsoDate(preview.value.dueDate, "d MMM yyyy")}
                {preview.value.periodStart && preview.value.periodEnd
                  ? ` · work of ${formatPeriod(preview.value.periodStart, preview.value.periodEnd)}`
                  : ""}
              </>
            }
          >
            <div className="space-y-6">
              <InvoiceLinesTable
                lines={preview.value.lines.map((line) => ({ ...line, key: String(line.position) }))}
                totals={preview.value.totals}
                taxes={preview.value.taxes}
                discount={preview.value.discount}
                taxNote={preview.value.taxNote}
                currency={preview.value.currency}
                totalTestId="preview-total"
              />
              {preview.value.notes ? <p className="whitespace-pre-line text-sm text-slate-600">{preview.value.notes}</p> : null}
              <details className="group rounded-lg ring-1 ring-slate-200">
                <summary className="cursor-pointer select-none px-4 py-3 text-sm font-medium text-slate-700 hover:bg-slate-50">
                  {preview.value.entries.length} time {preview.value.entries.length === 1 ? "entry" : "entries"},{" "}
                  {formatDuration(preview.value.entries.reduce((sum, e) => sum + e.billableSeconds, 0))} billable after rounding and minimums
                </summary>
                <div className="border-t border-slate-200 px-1 pb-2">
                  <CandidateEntries entries={preview.value.entries} currency={preview.value.currency} timeZone={workspace.timeZone} />
                </div>
              </details>
              <div className="border-t border-slate-100 pt-4">
                <CreateDraftForm action={createDraftAction.bind(null, slug)} fields={fields} label={preview.value.nextLabel} />
              </div>
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}

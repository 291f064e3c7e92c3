import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EditDraftForm, RepullTimeForm } from "@/components/invoices/edit-draft-form";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { getInvoice } from "@/lib/domain/invoices/get-invoice";
import { attempt } from "@/lib/web/domain-result";
import { adjustmentFieldsOf } from "@/lib/web/invoice-adjustment-fields";
import { repullTimeAction, updateDraftAction } from "./actions";

export const metadata: Metadata = { title: "Edit draft" };

export default async function EditDraftPage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace: slug, id } = await params;
  const { actor } = await requireWorkspaceActor(slug);
  const invoicePath = `/w/${slug}/invoices/${id}`;

  const result = await attempt(() => getInvoice(actor, id));
  if (!result.ok) {
    if (result.error.code === "not_found") notFound();
    return (
      <>
        <PageHeader title="Edit draft" />
        <RefusedNotice title="Invoices are not available to you" message={result.error.message} />
      </>
    );
  }
  const invoice = result.value;
  const back = (
    <ButtonLink variant="secondary" href={invoicePath}>
      Back to {invoice.label}
    </ButtonLink>
  );
  if (!can(actor, "invoices:write") || invoice.status !== "draft") {
    return (
      <>
        <PageHeader title={`Edit ${invoice.label}`} actions={back} />
        <RefusedNotice
          title="This invoice cannot be edited"
          message={
            invoice.status === "draft"
              ? "Only owners and admins can edit invoices."
              : invoice.status === "void"
                ? `${invoice.label} is void. Create a new invoice for its time instead.`
                : `${invoice.label} is already ${invoice.status}; only drafts can be edited. Issue a credit note against it to correct it.`
          }
        />
      </>
    );
  }

  return (
    <>
      <PageHeader
        title={`Edit draft ${invoice.label} · ${invoice.client.name}`}
        description="Totals are recomputed when you save: the discount comes off the subtotal, and each tax is on what is left."
        actions={back}
      />
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <Card title="Details">
          <EditDraftForm
            action={updateDraftAction.bind(null, slug, invoice.id)}
            values={{ ...adjustmentFieldsOf(invoice), issueDate: invoice.issueDate, dueDate: invoice.dueDate, notes: invoice.notes }}
            lines={invoice.lines.map((line) => ({ id: line.id, description: line.description }))}
          />
        </Card>
        <Card title="Re-pull time">
          <RepullTimeForm
            action={repullTimeAction.bind(null, slug, invoice.id)}
            from={invoice.periodStart ?? invoice.issueDate}
            to={invoice.periodEnd ?? invoice.issueDate}
          />
        </Card>
      </div>
    </>
  );
}

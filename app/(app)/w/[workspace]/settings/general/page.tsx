import type { Metadata } from "next";
import { LogoForm } from "@/components/settings/logo-form";
import { WorkspaceSettingsForm } from "@/components/settings/workspace-settings-form";
import { WorkspaceSettingsSummary } from "@/components/settings/workspace-settings-summary";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { formatMoney, SUPPORTED_CURRENCIES } from "@/lib/domain/money";
import { getWorkspaceSettings } from "@/lib/domain/workspaces/get-workspace-settings";
import { attempt } from "@/lib/web/domain-result";
import { removeLogoAction, updateWorkspaceSettingsAction, uploadLogoAction } from "../actions";

export const metadata: Metadata = { title: "General · Settings" };

const PAPER_SIZES = [
  { value: "a4", label: "A4" },
  { value: "letter", label: "US Letter" },
];

const choices = (values: readonly string[], current: string) => [...new Set([current, ...values])].sort().map((value) => ({ value, label: value }));

/** General settings and business details: owners edit them, admins read them. */
export default async function GeneralSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor } = await requireWorkspaceActor(slug);
  const result = await attempt(() => getWorkspaceSettings(actor));
  if (!result.ok) return <RefusedNotice title="Settings are for owners and admins" message={result.error.message} />;
  const s = result.value;
  const logoUrl = s.logoId ? `/w/${slug}/settings/logo/${s.logoId}` : null;
  const paperSize = PAPER_SIZES.find((p) => p.value === s.paperSize)?.label ?? s.paperSize;

  if (!can(actor, "workspace:manage")) {
    return (
      <div className="space-y-6">
        <Alert tone="info">Only an owner can change these settings and business details.</Alert>
        <Card title="Settings and business details" description="What invoices print as the seller, and how the workspace counts and numbers.">
          <WorkspaceSettingsSummary
            logoUrl={logoUrl}
            general={[
              { label: "Workspace name", value: s.name },
              { label: "Currency", value: s.currency },
              { label: "Time zone", value: s.timeZone },
              { label: "Default hourly rate", value: formatMoney(s.defaultHourlyRate, s.currency) },
              { label: "Payment terms", value: `${s.paymentTermsDays} days` },
              { label: "Invoice prefix", value: s.invoicePrefix },
              { label: "Credit note prefix", value: s.creditNotePrefix },
              { label: "Invoice paper size", value: paperSize },
            ]}
            business={[
              { label: "Legal name", value: s.legalName },
              { label: "Address", value: s.address },
              { label: "Tax or VAT ID", value: s.taxId },
              { label: "Contact email", value: s.contactEmail },
              { label: "Payment instructions", value: s.paymentInstructions },
            ]}
          />
        </Card>
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <Card title="Settings and business details" description="What invoices print as the seller, and how the workspace counts and numbers.">
        <WorkspaceSettingsForm
          action={updateWorkspaceSettingsAction.bind(null, slug)}
          currencies={choices(SUPPORTED_CURRENCIES, s.currency)}
          timeZones={choices(Intl.supportedValuesOf("timeZone"), s.timeZone)}
          paperSizes={PAPER_SIZES}
          values={{
            name: s.name,
            currency: s.currency,
            timeZone: s.timeZone,
            defaultHourlyRate: (s.defaultHourlyRate / 100).toFixed(2),
            paymentTermsDays: String(s.paymentTermsDays),
            invoicePrefix: s.invoicePrefix,
            creditNotePrefix: s.creditNotePrefix,
            paperSize: s.paperSize,
            legalName: s.legalName,
            address: s.address,
            taxId: s.taxId,
            contactEmail: s.contactEmail,
            paymentInstructions: s.paymentInstructions,
          }}
        />
      </Card>
      <Card title="Logo" description="Printed at the top of invoices.">
        <LogoForm logoUrl={logoUrl} uploadAction={uploadLogoAction.bind(null, slug)} removeAction={removeLogoAction.bind(null, slug)} />
      </Card>
    </div>
  );
}

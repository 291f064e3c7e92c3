import type { Metadata } from "next";
import { BillingForm } from "@/components/settings/billing-form";
import { Alert } from "@/components/ui/alert";
import { Card } from "@/components/ui/card";
import { Table, Td } from "@/components/ui/table";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { BILLING_STATE_WORDS, PLAN_WORDS } from "@/lib/domain/workspaces/update-billing";
import { updateBillingAction } from "../actions";

export const metadata: Metadata = { title: "Billing · Settings" };

const EFFECTS = [
  { setting: "Free plan", effect: "No API or AI assistant access: every connection is refused (403) and none can be approved." },
  { setting: "Pro or Business plan", effect: "API and AI assistant access, within the integration policy." },
  { setting: "Active or trialing", effect: "Connections work normally." },
  { setting: "Past due", effect: "Read-only: connected apps can look, but every change is refused until the bill is settled." },
  { setting: "Canceled", effect: "Blocked: every connection is refused (403) and none can be approved." },
];

const options = (words: Record<string, string>) => Object.entries(words).map(([value, label]) => ({ value, label }));

export default async function BillingSettingsPage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const isOwner = can(actor, "workspace:manage");

  return (
    <div className="space-y-6">
      <Alert tone="info" title="Simulated billing">
        Hourbook has no billing provider. This page stands in for one, so the plan and billing state — and what they do to connected apps — can be tried by
        hand. Nothing is charged.
      </Alert>
      <Card title="Plan and billing state" description={isOwner ? "Owners can change these." : "Only an owner can change these."}>
        {isOwner ? (
          <BillingForm
            action={updateBillingAction.bind(null, slug)}
            plan={workspace.plan}
            billingState={workspace.billingState}
            planOptions={options(PLAN_WORDS)}
            billingStateOptions={options(BILLING_STATE_WORDS)}
          />
        ) : (
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]" data-testid="billing-read-only">
            <dt className="text-slate-500">Plan</dt>
            <dd className="font-medium text-slate-900">{PLAN_WORDS[workspace.plan]}</dd>
            <dt className="text-slate-500">Billing state</dt>
            <dd className="font-medium text-slate-900">{BILLING_STATE_WORDS[workspace.billingState]}</dd>
          </dl>
        )}
      </Card>
      <Card title="What each setting does to connected apps" description="Checked on every request, so a change applies from the next one.">
        <div className="-mx-5 -my-4">
          <Table caption="Effect of plan and billing state on connected apps" columns={["Setting", "Connected apps"]}>
            {EFFECTS.map((e) => (
              <tr key={e.setting}>
                <Td className="whitespace-nowrap font-medium text-slate-900">{e.setting}</Td>
                <Td>{e.effect}</Td>
              </tr>
            ))}
          </Table>
        </div>
      </Card>
    </div>
  );
}

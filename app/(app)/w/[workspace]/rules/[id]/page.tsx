import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PrecedenceNote } from "@/components/rules/precedence-note";
import { RuleForm } from "@/components/rules/rule-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/domain/actor";
import { listClients } from "@/lib/domain/clients/list-clients";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listRules } from "@/lib/domain/rules/list-rules";
import { listMembers } from "@/lib/domain/workspaces/list-members";
import { attempt } from "@/lib/web/domain-result";
import { placeValue } from "@/lib/web/rule-form";
import { updateRuleAction } from "../actions";

export const metadata: Metadata = { title: "Edit billing rule" };

export default async function EditRulePage({ params }: { params: Promise<{ workspace: string; id: string }> }) {
  const { workspace: slug, id } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const basePath = `/w/${slug}/rules`;

  const result = await attempt(async () => {
    assertCan(actor, "rules:write", "manage billing rules");
    return listRules(actor);
  });
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Edit billing rule" />
        <RefusedNotice title="Billing rules are not available to you" message={result.error.message} />
      </>
    );
  }
  const rule = result.value.find((r) => r.id === id);
  if (!rule) notFound();
  const [clients, projects, members] = await Promise.all([
    listClients(actor, { includeArchived: true }),
    listProjects(actor, { includeArchived: true }),
    listMembers(actor),
  ]);

  return (
    <>
      <PageHeader title={`Edit “${rule.name}”`} description={`${rule.effect} · ${rule.scope}`} />
      <div className="space-y-6">
        <Card>
          <RuleForm
            action={updateRuleAction.bind(null, slug)}
            values={{
              id: rule.id,
              name: rule.name,
              kind: rule.kind,
              active: rule.active,
              place: placeValue(rule),
              membershipId: rule.member?.id ?? "",
              roundingIncrementMinutes: rule.roundingIncrementSeconds ? String(rule.roundingIncrementSeconds / 60) : "15",
              roundingDirection: rule.roundingDirection ?? "up",
              minimumMinutes: rule.minimumSeconds ? String(rule.minimumSeconds / 60) : "30",
              hourlyRate: rule.hourlyRate !== null ? (rule.hourlyRate / 100).toFixed(2) : "",
            }}
            scope={{ clients, projects, members }}
            currency={workspace.currency}
            cancelHref={basePath}
            submitLabel="Save rule"
          />
        </Card>
        <PrecedenceNote />
      </div>
    </>
  );
}

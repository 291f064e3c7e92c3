import type { Metadata } from "next";
import { PrecedenceNote } from "@/components/rules/precedence-note";
import { RuleForm } from "@/components/rules/rule-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { assertCan } from "@/lib/domain/actor";
import { listClients } from "@/lib/domain/clients/list-clients";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { listMembers } from "@/lib/domain/workspaces/list-members";
import { attempt } from "@/lib/web/domain-result";
import { createRuleAction } from "../actions";

export const metadata: Metadata = { title: "New billing rule" };

export default async function NewRulePage({ params }: { params: Promise<{ workspace: string }> }) {
  const { workspace: slug } = await params;
  const { actor, workspace } = await requireWorkspaceActor(slug);
  const basePath = `/w/${slug}/rules`;

  const allowed = await attempt(async () => assertCan(actor, "rules:write", "manage billing rules"));
  if (!allowed.ok) {
    return (
      <>
        <PageHeader title="New billing rule" />
        <RefusedNotice title="Billing rules are not available to you" message={allowed.error.message} />
      </>
    );
  }
  const [clients, projects, members] = await Promise.all([
    listClients(actor, { includeArchived: true }),
    listProjects(actor, { includeArchived: true }),
    listMembers(actor),
  ]);

  return (
    <>
      <PageHeader title="New billing rule" description="Rules change how tracked time is billed; they never change the time people tracked." />
      <div className="space-y-6">
        <Card>
          <RuleForm
            action={createRuleAction.bind(null, slug)}
            values={{
              name: "",
              kind: "rounding",
              active: true,
              place: "",
              membershipId: "",
              roundingIncrementMinutes: "15",
              roundingDirection: "up",
              minimumMinutes: "30",
              hourlyRate: "",
            }}
            scope={{ clients, projects, members }}
            currency={workspace.currency}
            cancelHref={basePath}
            submitLabel="Add rule"
          />
        </Card>
        <PrecedenceNote />
      </div>
    </>
  );
}

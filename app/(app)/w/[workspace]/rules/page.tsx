import type { Metadata } from "next";
import { PrecedenceNote } from "@/components/rules/precedence-note";
import { RuleTable } from "@/components/rules/rule-table";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { can } from "@/lib/domain/actor";
import { listRules } from "@/lib/domain/rules/list-rules";
import { attempt } from "@/lib/web/domain-result";
import { RULE_KINDS } from "@/lib/web/rule-form";
import { param, type SearchParams } from "@/lib/web/search-params";
import { setRuleActiveAction } from "./actions";

export const metadata: Metadata = { title: "Billing rules" };

const KIND_DESCRIPTIONS = {
  rounding: "Round each entry's billable time to an increment.",
  minimum_duration: "Bill short entries as at least a minimum.",
  rate_override: "Set the hourly rate for a client, project or member.",
} as const;

export default async function RulesPage({ params, searchParams }: { params: Promise<{ workspace: string }>; searchParams: Promise<SearchParams> }) {
  const { workspace: slug } = await params;
  const { actor } = await requireWorkspaceActor(slug);
  const savedId = param(await searchParams, "saved");
  const basePath = `/w/${slug}/rules`;

  const result = await attempt(() => listRules(actor));
  if (!result.ok) {
    return (
      <>
        <PageHeader title="Billing rules" />
        <RefusedNotice title="Billing rules are not available to you" message={result.error.message} />
      </>
    );
  }
  const rules = result.value;
  const canWrite = can(actor, "rules:write");
  const saved = savedId ? rules.find((r) => r.id === savedId) : undefined;

  return (
    <>
      <PageHeader
        title="Billing rules"
        description="How tracked time becomes billable time and money: rounding, minimums and rates."
        actions={canWrite ? <ButtonLink href={`${basePath}/new`}>New rule</ButtonLink> : null}
      />
      <div className="space-y-6">
        {saved ? (
          <Alert tone="success" testId="rule-saved">
            Saved “{saved.name}”: {saved.effect} · {saved.scope}
            {saved.active ? "" : " · off"}
          </Alert>
        ) : null}
        <PrecedenceNote />
        {RULE_KINDS.map((kind) => {
          const ofKind = rules.filter((r) => r.kind === kind.value);
          return (
            <Card key={kind.value} title={kind.label} description={KIND_DESCRIPTIONS[kind.value]}>
              {ofKind.length ? (
                <div className="-mx-5 -my-4">
                  <RuleTable
                    rules={ofKind}
                    caption={`${kind.label} rules`}
                    editPath={canWrite ? basePath : null}
                    toggleAction={canWrite ? setRuleActiveAction.bind(null, slug) : null}
                    highlightId={saved?.id}
                  />
                </div>
              ) : (
                <EmptyState title={`No ${kind.label.toLowerCase()} rules`}>
                  {kind.value === "rate_override" ? "Entries use the project's rate, or the workspace's default rate." : "Tracked time is billed as tracked."}
                </EmptyState>
              )}
            </Card>
          );
        })}
      </div>
    </>
  );
}

import type { Metadata } from "next";
import { ApprovalCard } from "@/components/approvals/approval-card";
import { ApprovalDecisionForm } from "@/components/approvals/approval-decision-form";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";
import { listUserApprovals } from "@/lib/domain/approvals/list-user-approvals";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { decideApprovalAction } from "./actions";

export const metadata: Metadata = { title: "Approvals" };

export default async function ApprovalsPage() {
  const user = await requireUser("/account/approvals");
  const { pending, recent } = await listUserApprovals(user.id);
  const timeZone = await viewerTimeZone();

  return (
    <>
      <PageHeader
        title="Approvals"
        description="Actions your AI assistants and apps asked to carry out, such as sending an invoice. Nothing happens until you approve; the app then goes ahead once. A request waits five minutes."
      />
      <section aria-labelledby="pending-heading" className="space-y-4">
        <h2 id="pending-heading" className="text-lg font-semibold text-slate-900">
          Waiting for you
        </h2>
        {pending.length ? (
          pending.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} timeZone={timeZone} headingLevel={3}>
              <ApprovalDecisionForm action={decideApprovalAction.bind(null, approval.id)} describedBy={`approval-${approval.id}`} />
            </ApprovalCard>
          ))
        ) : (
          <EmptyState title="Nothing is waiting for your approval">When an app asks to send, pay or void something in a workspace that asks you first, it shows up here.</EmptyState>
        )}
      </section>
      {recent.length ? (
        <section aria-labelledby="recent-heading" className="mt-8 space-y-4">
          <h2 id="recent-heading" className="text-lg font-semibold text-slate-900">
            Earlier today
          </h2>
          {recent.map((approval) => (
            <ApprovalCard key={approval.id} approval={approval} timeZone={timeZone} headingLevel={3} />
          ))}
        </section>
      ) : null}
    </>
  );
}

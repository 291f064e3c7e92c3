import type { Metadata } from "next";
import { ApprovalCard } from "@/components/approvals/approval-card";
import { ApprovalDecisionForm } from "@/components/approvals/approval-decision-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { RefusedNotice } from "@/components/ui/refused-notice";
import { requireUser } from "@/lib/auth/session";
import { getApproval } from "@/lib/domain/approvals/get-approval";
import { attempt } from "@/lib/web/domain-result";
import { viewerTimeZone } from "@/lib/web/viewer-time-zone";
import { decideApprovalAction } from "../actions";

export const metadata: Metadata = { title: "Approve an action" };

/** Where an app's approval link lands: the one action, with Approve and Deny. */
export default async function ApprovalPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/account/approvals/${encodeURIComponent(id)}`);
  const result = await attempt(() => getApproval(user.id, id));
  const back = (
    <ButtonLink href="/account/approvals" variant="secondary">
      All approvals
    </ButtonLink>
  );

  if (!result.ok) {
    return (
      <>
        <PageHeader title="Approve an action" />
        <RefusedNotice title="No such request" message={result.error.message}>
          {back}
        </RefusedNotice>
      </>
    );
  }
  const approval = result.value;
  return (
    <>
      <PageHeader
        title={approval.status === "pending" ? `${approval.appName} asks to go ahead` : "Approve an action"}
        description="Approving lets the app carry out exactly this, once, the next time it tries. Denying stops it."
      />
      <div className="max-w-2xl space-y-4">
        {approval.status === "approved" ? (
          <Alert tone="success" testId="approval-outcome">
            You approved this. {approval.appName} carries it out the next time it tries, once.
          </Alert>
        ) : approval.status === "denied" ? (
          <Alert tone="info" testId="approval-outcome">
            You denied this. Nothing was done, and {approval.appName} cannot do it with this request.
          </Alert>
        ) : approval.status === "expired" ? (
          <Alert tone="info" testId="approval-outcome">
            This request expired before it was decided, so nothing was done. Ask {approval.appName} again if you still want it.
          </Alert>
        ) : null}
        <ApprovalCard approval={approval} timeZone={await viewerTimeZone()}>
          {approval.status === "pending" ? <ApprovalDecisionForm action={decideApprovalAction.bind(null, approval.id)} describedBy={`approval-${approval.id}`} /> : null}
        </ApprovalCard>
        {back}
      </div>
    </>
  );
}

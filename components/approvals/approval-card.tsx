import type { ReactNode } from "react";
import { When } from "@/components/integrations/when";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { ApprovalState, ApprovalView } from "@/lib/domain/approvals/approval-view";

const STATUS: Record<ApprovalState, { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting for you", tone: "amber" },
  approved: { label: "Approved", tone: "green" },
  denied: { label: "Denied", tone: "red" },
  expired: { label: "Expired", tone: "gray" },
};

/**
 * One action an app asked to carry out: which app, in which workspace, exactly what it would
 * do, and until when it waits. `children` is the Approve/Deny form of a waiting one.
 */
export function ApprovalCard({
  approval,
  timeZone,
  headingLevel = 2,
  children,
}: {
  approval: ApprovalView;
  /** The viewer's time zone (lib/web/viewer-time-zone.ts). */
  timeZone: string;
  headingLevel?: 2 | 3;
  children?: ReactNode;
}) {
  const Heading = `h${headingLevel}` as const;
  const status = STATUS[approval.status];
  return (
    <article aria-labelledby={`approval-${approval.id}`} data-testid="approval" className="space-y-4 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <Heading id={`approval-${approval.id}`} className="min-w-0 break-words text-base font-semibold text-slate-900">
          {approval.summary}
        </Heading>
        <Badge tone={status.tone}>{status.label}</Badge>
      </div>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <Row term="App" strong>
          {approval.appName}
        </Row>
        <Row term="Workspace">{approval.workspaceName}</Row>
        <Row term="Asked">
          <When at={approval.createdAt} timeZone={timeZone} />
        </Row>
        {approval.decidedAt ? (
          <Row term="Decided">
            <When at={approval.decidedAt} timeZone={timeZone} />
          </Row>
        ) : (
          <Row term={approval.status === "expired" ? "Expired" : "Waits until"}>
            <When at={approval.expiresAt} timeZone={timeZone} />
          </Row>
        )}
      </dl>
      {children}
    </article>
  );
}

function Row({ term, strong, children }: { term: string; strong?: boolean; children: ReactNode }) {
  return (
    <>
      <dt className="text-slate-500">{term}</dt>
      <dd className={cx("min-w-0 break-words text-slate-900", strong && "font-medium")}>{children}</dd>
    </>
  );
}

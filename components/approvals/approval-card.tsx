import type { ReactNode } from "react";
import { When } from "@/components/integrations/when";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import type { ApprovalState } from "@/lib/domain/approvals/approval-view";

export interface ApprovalCardValues {
  id: string;
  status: ApprovalState;
  appName: string;
  workspaceName: string;
  summary: string;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
}

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
export function ApprovalCard({ approval, headingLevel = 2, children }: { approval: ApprovalCardValues; headingLevel?: 2 | 3; children?: ReactNode }) {
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
        <dt className="text-slate-500">App</dt>
        <dd className="min-w-0 break-words font-medium text-slate-900">{approval.appName}</dd>
        <dt className="text-slate-500">Workspace</dt>
        <dd className="min-w-0 break-words text-slate-900">{approval.workspaceName}</dd>
        <dt className="text-slate-500">Asked</dt>
        <dd className="text-slate-900">
          <When at={approval.createdAt} />
        </dd>
        {approval.decidedAt ? (
          <>
            <dt className="text-slate-500">Decided</dt>
            <dd className="text-slate-900">
              <When at={approval.decidedAt} />
            </dd>
          </>
        ) : (
          <>
            <dt className="text-slate-500">{approval.status === "expired" ? "Expired" : "Waits until"}</dt>
            <dd className="text-slate-900">
              <When at={approval.expiresAt} />
            </dd>
          </>
        )}
      </dl>
      {children}
    </article>
  );
}

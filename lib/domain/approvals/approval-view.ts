/** An approval as the person sees it on Account → Approvals. */
import { env } from "@/lib/env";
import type { ApprovalStatus } from "@/lib/generated/prisma/enums";

/** Stored statuses, plus `expired`: a pending approval past its (the confirmation token's) expiry. */
export type ApprovalState = ApprovalStatus | "expired";

export interface ApprovalView {
  id: string;
  status: ApprovalState;
  appName: string;
  workspaceName: string;
  operation: string;
  summary: string;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
}

export interface ApprovalRow {
  id: string;
  status: ApprovalStatus;
  appName: string;
  operation: string;
  summary: string;
  createdAt: Date;
  expiresAt: Date;
  decidedAt: Date | null;
  workspace: { name: string };
}

export const APPROVAL_WITH_WORKSPACE = { workspace: { select: { name: true } } } as const;

export function approvalView(row: ApprovalRow, at: Date): ApprovalView {
  const status: ApprovalState = row.status === "pending" && row.expiresAt <= at ? "expired" : row.status;
  return {
    id: row.id,
    status,
    appName: row.appName,
    workspaceName: row.workspace.name,
    operation: row.operation,
    summary: row.summary,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
    decidedAt: row.decidedAt,
  };
}

/** Where the person approves or denies it: the link an app passes on. */
export function approvalUrl(id: string): string {
  return `${env.APP_URL}/account/approvals/${encodeURIComponent(id)}`;
}

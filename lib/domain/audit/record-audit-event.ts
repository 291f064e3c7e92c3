/** The audit trail shown to workspace admins: connections and apps, members, settings and billing (issue: audit log page). */
import { db } from "@/lib/db";
import type { DbTx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

export type AuditEventType =
  | "client.registered"
  | "grant.created"
  | "grant.replaced"
  | "grant.revoked"
  | "refresh.reuse_detected"
  | "code.reuse_detected"
  | "policy.changed"
  | "billing.changed"
  | "settings.changed"
  | "member.role_changed"
  | "member.deactivated"
  | "member.reactivated"
  | "member.invited"
  | "member.invitation_revoked"
  | "member.joined"
  | "member.removed"
  | "workspace.created"
  | "user.password_reset"
  | "invoice.sent"
  | "invoice.voided"
  | "payment.recorded"
  | "rule.created"
  | "rule.updated"
  | "user.disabled"
  | "user.enabled"
  | "app.created"
  | "app.secret_rotated"
  | "app.deleted"
  | "mcp.consequential"
  | "approval.approved"
  | "approval.denied"
  | "payment.removed"
  | "credit_note.issued";

/** One field's before and after, in words: the detail of every "*.changed" event is `{ changes: FieldChange[] }`. */
export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface AuditEventInput {
  type: AuditEventType;
  workspaceId?: string | null;
  userId?: string | null;
  clientId?: string | null;
  grantId?: string | null;
  detail?: Prisma.InputJsonValue;
}

export async function recordAuditEvent(event: AuditEventInput, tx: DbTx = db): Promise<void> {
  await tx.auditEvent.create({
    data: {
      type: event.type,
      workspaceId: event.workspaceId ?? null,
      userId: event.userId ?? null,
      clientId: event.clientId ?? null,
      grantId: event.grantId ?? null,
      ...(event.detail === undefined ? {} : { detail: event.detail }),
    },
  });
}

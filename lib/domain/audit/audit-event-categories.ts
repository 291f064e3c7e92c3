/**
 * The audit log's "what" filter: a category (several event types) or one event type. Every
 * workspace event type belongs to exactly one category (audit.test.ts checks it).
 */
import type { AuditEventType } from "./record-audit-event";

export const AUDIT_CATEGORIES = {
  members: { label: "Members and invitations", types: ["member.invited", "member.invitation_revoked", "member.joined", "member.role_changed", "member.deactivated", "member.reactivated", "member.removed"] },
  invoices: { label: "Invoices and payments", types: ["invoice.sent", "invoice.voided", "payment.recorded", "payment.removed", "credit_note.issued"] },
  rules: { label: "Billing rules", types: ["rule.created", "rule.updated"] },
  settings: { label: "Workspace, policy and billing settings", types: ["workspace.created", "settings.changed", "policy.changed", "billing.changed"] },
  connections: { label: "Connected apps", types: ["client.registered", "grant.created", "grant.replaced", "grant.revoked", "refresh.reuse_detected", "code.reuse_detected", "app.created", "app.secret_rotated", "app.deleted"] },
  assistants: { label: "AI assistant actions", types: ["mcp.consequential", "approval.approved", "approval.denied"] },
} as const satisfies Record<string, { label: string; types: readonly AuditEventType[] }>;

export type AuditCategory = keyof typeof AUDIT_CATEGORIES;

/** Event types that are about an account rather than a workspace: never in a workspace's log. */
export const ACCOUNT_EVENT_TYPES: readonly AuditEventType[] = ["user.disabled", "user.enabled", "user.password_reset"];

/** The event types a "what" filter value stands for; null when it names neither a category nor a type. */
export function auditTypesOf(what: string): readonly string[] | null {
  if (Object.hasOwn(AUDIT_CATEGORIES, what)) return AUDIT_CATEGORIES[what as AuditCategory].types;
  const all: readonly string[] = Object.values(AUDIT_CATEGORIES).flatMap((c) => c.types);
  return all.includes(what) ? [what] : null;
}

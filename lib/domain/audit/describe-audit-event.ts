/** Audit events in plain words for the audit log page: what happened, and the particulars. */
import { z } from "zod";
import { formatIsoDate } from "@/lib/domain/dates";
import { ACCESS_LEVEL_WORDS } from "@/lib/domain/integrations/access-words";
import { resolveResource } from "@/lib/domain/integrations/resources";
import { accessLevelOf, isScope } from "@/lib/domain/integrations/scopes";
import { env } from "@/lib/env";
import type { FieldChange } from "./record-audit-event";

const Changes = z.object({ changes: z.array(z.object({ field: z.string(), from: z.string(), to: z.string() })) });
const Member = z.object({ memberName: z.string(), from: z.string().optional(), to: z.string().optional() });
const Reason = z.object({ reason: z.string() });
const Granted = z.object({ scope: z.string(), resource: z.string() });
const Consequential = z.object({ tool: z.string(), summary: z.string() });
const Approval = z.object({ app: z.string(), tool: z.string(), summary: z.string() });
const Named = z.object({ name: z.string() });
const PaymentRemoved = z.object({ invoice: z.string(), amount: z.string(), paidOn: z.string(), reference: z.string(), reason: z.string() });
const CreditNoteIssued = z.object({ creditNote: z.string(), invoice: z.string(), amount: z.string(), full: z.boolean() });
const UserChange = z.object({ by: z.string(), grantsRevoked: z.number().optional() });
const Invited = z.object({ email: z.string(), role: z.string(), replaced: z.number().optional() });
const Joined = z.object({ memberName: z.string(), email: z.string(), role: z.string(), reactivated: z.boolean() });
const Removed = z.object({ memberName: z.string(), from: z.string(), grantsRevoked: z.number() });
const InvoiceSent = z.object({ invoice: z.string(), amount: z.string(), to: z.string() });
const InvoiceVoided = z.object({ invoice: z.string(), amount: z.string(), was: z.string() });
const PaymentRecorded = z.object({ invoice: z.string(), amount: z.string(), paidOn: z.string(), reference: z.string(), paidInFull: z.boolean() });
const RuleCreated = z.object({ name: z.string(), effect: z.string(), scope: z.string() });
const RuleUpdated = z.object({ name: z.string() }).and(Changes);

const WHAT: Record<string, string> = {
  "client.registered": "App registered",
  "grant.created": "Connection approved",
  "grant.replaced": "Connection replaced by a new approval",
  "grant.revoked": "Connection revoked",
  "refresh.reuse_detected": "Refresh token reused — connection revoked",
  "code.reuse_detected": "Authorization code reused — connection revoked",
  "policy.changed": "Integration policy changed",
  "billing.changed": "Plan or billing changed",
  "settings.changed": "Workspace settings changed",
  "member.role_changed": "Member's role changed",
  "member.deactivated": "Member deactivated",
  "member.reactivated": "Member reactivated",
  "member.invited": "Person invited",
  "member.invitation_revoked": "Invitation withdrawn",
  "member.joined": "Invitation accepted",
  "member.removed": "Member removed",
  "workspace.created": "Workspace created",
  "user.password_reset": "Password reset through a reset link",
  "invoice.sent": "Invoice sent",
  "invoice.voided": "Invoice voided",
  "payment.recorded": "Payment recorded",
  "rule.created": "Billing rule created",
  "rule.updated": "Billing rule changed",
  "user.disabled": "Account disabled",
  "user.enabled": "Account re-enabled",
  "app.created": "Developer app created",
  "app.secret_rotated": "Developer app secret rotated",
  "app.deleted": "Developer app deleted",
  "mcp.consequential": "AI assistant carried out a confirmed action",
  "approval.approved": "AI assistant's action approved in Hourbook",
  "approval.denied": "AI assistant's action denied in Hourbook",
  "payment.removed": "Payment removed from an invoice",
  "credit_note.issued": "Credit note issued",
};

const REVOCATION_REASONS: Record<string, string> = {
  user_revoked: "by the member, from Account → Integrations",
  admin_revoked: "by an owner or admin, from workspace settings",
  token_revoked: "the app signed out (token revocation)",
  client_deleted: "the app was deleted",
  user_disabled: "the member's account was disabled",
  member_removed: "the member was removed from the workspace",
  password_reset: "the member reset their password and disconnected every app",
  replaced: "replaced by a new approval",
  idle: `it went unused for ${env.HOURBOOK_CONNECTION_IDLE_DAYS} days`,
  refresh_reuse: "a used refresh token was presented again",
  code_reuse: "a used authorization code was presented again",
};

export function describeAuditEvent(type: string, detail: unknown): { what: string; detail: string } {
  return { what: WHAT[type] ?? type, detail: describeDetail(type, detail) };
}

export function formatChanges(changes: readonly FieldChange[]): string {
  return changes.map((c) => `${c.field}: ${c.from} → ${c.to}`).join("; ");
}

/** Details whose shape belongs to one event type, described before the shared shapes below. */
const BY_TYPE: Record<string, (detail: unknown) => string | null> = {
  "member.invited": (d) => {
    const v = Invited.safeParse(d);
    return v.success ? `${v.data.email} as ${v.data.role}${v.data.replaced ? " (replaces the earlier pending invitation)" : ""}` : null;
  },
  "member.invitation_revoked": (d) => {
    const v = Invited.safeParse(d);
    return v.success ? `${v.data.email} (${v.data.role})` : null;
  },
  "member.joined": (d) => {
    const v = Joined.safeParse(d);
    return v.success ? `${v.data.memberName} (${v.data.email}) joined as ${v.data.role}${v.data.reactivated ? "; their earlier membership was brought back" : ""}` : null;
  },
  "member.removed": (d) => {
    const v = Removed.safeParse(d);
    if (!v.success) return null;
    const n = v.data.grantsRevoked;
    return `${v.data.memberName} (was ${v.data.from})${n ? `; ${n} connection${n === 1 ? "" : "s"} revoked` : ""}`;
  },
  "invoice.sent": (d) => {
    const v = InvoiceSent.safeParse(d);
    return v.success ? `${v.data.invoice} (${v.data.amount}) to ${v.data.to}` : null;
  },
  "invoice.voided": (d) => {
    const v = InvoiceVoided.safeParse(d);
    return v.success ? `${v.data.invoice} (${v.data.amount}), was ${v.data.was}` : null;
  },
  "payment.recorded": (d) => {
    const v = PaymentRecorded.safeParse(d);
    if (!v.success) return null;
    const { amount, paidOn, reference, invoice, paidInFull } = v.data;
    return `${amount} paid on ${formatIsoDate(paidOn, "d MMM yyyy")}${reference ? ` (${reference})` : ""} on ${invoice}${paidInFull ? "; now paid in full" : ""}`;
  },
  "rule.created": (d) => {
    const v = RuleCreated.safeParse(d);
    return v.success ? `${v.data.name}: ${v.data.effect} — ${v.data.scope}` : null;
  },
  "rule.updated": (d) => {
    const v = RuleUpdated.safeParse(d);
    return v.success ? `${v.data.name}: ${formatChanges(v.data.changes)}` : null;
  },
};

function describeDetail(type: string, detail: unknown): string {
  const specific = BY_TYPE[type]?.(detail);
  if (specific) return specific;
  // Invoice corrections first: their details carry a `reason` the revocation reasons below would claim.
  if (type === "payment.removed") {
    const removed = PaymentRemoved.safeParse(detail);
    if (removed.success) {
      const { amount, paidOn, invoice, reference, reason } = removed.data;
      return `${amount} paid on ${formatIsoDate(paidOn, "d MMM yyyy")}${reference ? ` (${reference})` : ""} removed from ${invoice}${reason ? ` — ${reason}` : ""}`;
    }
  }
  if (type === "credit_note.issued") {
    const issued = CreditNoteIssued.safeParse(detail);
    if (issued.success) {
      const { creditNote, invoice, amount, full } = issued.data;
      return `${creditNote} credits ${amount} of ${invoice}${full ? " (in full)" : ""}`;
    }
  }
  const changes = Changes.safeParse(detail);
  if (changes.success) return formatChanges(changes.data.changes);
  if (type === "grant.created") {
    const granted = Granted.safeParse(detail);
    if (granted.success) {
      const scopes = granted.data.scope.split(" ").filter(isScope);
      const resource = resolveResource(granted.data.resource)?.label ?? granted.data.resource;
      return `${resource}; ${ACCESS_LEVEL_WORDS[accessLevelOf(scopes)]} (${granted.data.scope})`;
    }
  }
  const reason = Reason.safeParse(detail);
  if (reason.success) return REVOCATION_REASONS[reason.data.reason] ?? reason.data.reason;
  const member = Member.safeParse(detail);
  if (member.success) return member.data.from && member.data.to ? `${member.data.memberName}: ${member.data.from} → ${member.data.to}` : member.data.memberName;
  const approval = Approval.safeParse(detail);
  if (approval.success) return `${approval.data.app} — ${approval.data.tool}: ${approval.data.summary}`;
  const consequential = Consequential.safeParse(detail);
  if (consequential.success) return `${consequential.data.tool}: ${consequential.data.summary}`;
  const userChange = UserChange.safeParse(detail);
  if (userChange.success) {
    const revoked = userChange.data.grantsRevoked;
    return `${userChange.data.by === "self" ? "by the person themselves" : "by an operator"}${revoked ? `; ${revoked} connection${revoked === 1 ? "" : "s"} revoked` : ""}`;
  }
  const named = Named.safeParse(detail);
  if (named.success) return named.data.name;
  return "";
}

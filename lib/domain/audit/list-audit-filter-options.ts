/** What the audit log's filters offer: the workspace's people (removed ones too) and the event categories and types. */
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { AUDIT_CATEGORIES } from "./audit-event-categories";
import { describeAuditEvent } from "./describe-audit-event";

export interface AuditFilterOptions {
  people: Array<{ userId: string; name: string }>;
  categories: Array<{ value: string; label: string; types: Array<{ value: string; label: string }> }>;
}

export async function listAuditFilterOptions(actor: Actor): Promise<AuditFilterOptions> {
  assertCan(actor, "members:manage", "read the audit log");
  const members = await db.membership.findMany({ where: { workspaceId: actor.workspaceId }, select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } });
  return {
    people: members.map((m) => ({ userId: m.user.id, name: m.user.name })),
    categories: Object.entries(AUDIT_CATEGORIES).map(([value, c]) => ({
      value,
      label: c.label,
      types: c.types.map((type) => ({ value: type, label: describeAuditEvent(type, null).what })),
    })),
  };
}

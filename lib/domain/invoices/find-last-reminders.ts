import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";

/**
 * When the last payment reminder went for each of `invoiceIds` (of the actor's workspace);
 * invoices never reminded are absent from the map.
 * @throws forbidden without invoices:read
 */
export async function findLastReminders(actor: Actor, invoiceIds: string[]): Promise<Map<string, Date>> {
  assertCan(actor, "invoices:read", "view invoices");
  if (!invoiceIds.length) return new Map();
  const rows = await db.outboxMessage.groupBy({
    by: ["invoiceId"],
    where: { workspaceId: actor.workspaceId, kind: "reminder", invoiceId: { in: invoiceIds } },
    _max: { createdAt: true },
  });
  return new Map(rows.flatMap((row) => (row.invoiceId && row._max.createdAt ? [[row.invoiceId, row._max.createdAt] as const] : [])));
}

/**
 * The workspace's audit log, newest first, a page at a time (keyset cursor on time and id):
 * who did what, from which app. Owners and admins only.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { parseInput } from "@/lib/domain/errors";
import { describeAuditEvent } from "./describe-audit-event";

export interface AuditEventView {
  id: string;
  at: Date;
  type: string;
  what: string;
  detail: string;
  who: string | null;
  app: string | null;
}

const ListAuditEventsInput = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(100).default(25),
});

export async function listAuditEvents(actor: Actor, input: z.input<typeof ListAuditEventsInput> = {}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  assertCan(actor, "members:manage", "read the audit log");
  const { cursor, limit } = parseInput(ListAuditEventsInput, input);
  const after = cursor ? decodeCursor(cursor) : null;
  const rows = await db.auditEvent.findMany({
    where: {
      workspaceId: actor.workspaceId,
      ...(after ? { OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
  });
  const page = rows.slice(0, limit);
  const userIds = [...new Set(page.map((r) => r.userId).filter((id): id is string => id !== null))];
  const clientIds = [...new Set(page.map((r) => r.clientId).filter((id): id is string => id !== null))];
  const [users, clients] = await Promise.all([
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    db.oAuthClient.findMany({ where: { id: { in: clientIds } }, select: { id: true, name: true } }),
  ]);
  const userName = new Map(users.map((u) => [u.id, u.name]));
  const clientName = new Map(clients.map((c) => [c.id, c.name]));
  const last = page.at(-1);
  return {
    events: page.map((r) => ({
      id: r.id,
      at: r.createdAt,
      type: r.type,
      ...describeAuditEvent(r.type, r.detail),
      who: r.userId ? (userName.get(r.userId) ?? "A deleted user") : null,
      // A deleted app keeps its id in the log; its name went with it.
      app: r.clientId ? (clientName.get(r.clientId) ?? "A deleted app") : null,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

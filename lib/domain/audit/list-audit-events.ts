/**
 * The workspace's audit log, newest first, a page at a time (keyset cursor on time and id):
 * who did what, from which app. Filters — who (a person), what (a category or one event type),
 * when (calendar dates in the workspace's time zone, inclusive) — are applied in the query.
 * Owners and admins only.
 */
import { z } from "zod";
import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { decodeCursor, encodeCursor } from "@/lib/domain/cursor";
import { DATES_OUT_OF_ORDER, datesInOrder, IsoDate, localDateRange } from "@/lib/domain/dates";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { Id } from "@/lib/domain/schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import { AUDIT_CATEGORIES, auditTypesOf } from "./audit-event-categories";
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

/** The filters, as the page's search params carry them (empty strings mean "any"). */
export const AuditFilterInput = z
  .object({
    who: Id.optional(),
    what: z
      .string()
      .max(64)
      .optional()
      .refine((what) => what === undefined || auditTypesOf(what) !== null, `is not an event type or category (categories: ${Object.keys(AUDIT_CATEGORIES).join(", ")})`),
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine(datesInOrder, DATES_OUT_OF_ORDER);
export type AuditFilter = z.input<typeof AuditFilterInput>;

const ListAuditEventsInput = z.object({
  filter: AuditFilterInput.default({}),
  cursor: z.string().max(200).optional(),
  limit: z.int().min(1).max(500).default(25),
});

/** The filter as a `where` on the actor's workspace. */
export function auditWhere(actor: Actor, filter: z.output<typeof AuditFilterInput>, timeZone: string): Prisma.AuditEventWhereInput {
  return {
    workspaceId: actor.workspaceId,
    ...(filter.who ? { userId: filter.who } : {}),
    ...(filter.what ? { type: { in: [...(auditTypesOf(filter.what) ?? [])] } } : {}),
    ...(filter.from || filter.to
      ? { createdAt: { ...(filter.from ? { gte: localDateRange(filter.from, filter.from, timeZone).start } : {}), ...(filter.to ? { lt: localDateRange(filter.to, filter.to, timeZone).end } : {}) } }
      : {}),
  };
}

export const UNKNOWN_PERSON = "no person with this id in this workspace";

/**
 * Checks that `who` names one of the workspace's people: a member (removed ones too, as the
 * filter offers them) or anyone its log records. An unknown id, and another workspace's, would
 * otherwise answer an empty log.
 * @throws invalid_input "who: no person with this id in this workspace"
 */
export async function checkAuditFilter(actor: Actor, filter: Pick<z.output<typeof AuditFilterInput>, "who">): Promise<void> {
  if (!filter.who) return;
  const where = { userId: filter.who, workspaceId: actor.workspaceId };
  const [members, events] = await Promise.all([db.membership.count({ where }), db.auditEvent.count({ where, take: 1 })]);
  if (members + events === 0) throw invalidInput(`who: ${UNKNOWN_PERSON}`, { who: UNKNOWN_PERSON });
}

/** @throws forbidden below owner/admin; invalid_input for a bad filter or cursor, or a `who` not of this workspace. */
export async function listAuditEvents(actor: Actor, input: z.input<typeof ListAuditEventsInput> = {}): Promise<{ events: AuditEventView[]; nextCursor: string | null }> {
  assertCan(actor, "members:manage", "read the audit log");
  const { filter, cursor, limit } = parseInput(ListAuditEventsInput, input);
  await checkAuditFilter(actor, filter);
  const after = cursor ? decodeCursor(cursor) : null;
  const workspace = await db.workspace.findUniqueOrThrow({ where: { id: actor.workspaceId }, select: { timeZone: true } });
  const rows = await db.auditEvent.findMany({
    where: {
      AND: [auditWhere(actor, filter, workspace.timeZone), ...(after ? [{ OR: [{ createdAt: { lt: after.at } }, { createdAt: after.at, id: { lt: after.id } }] }] : [])],
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

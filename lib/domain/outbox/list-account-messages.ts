/**
 * The latest invitation and password-reset messages, for operators only (`npm run operator --
 * outbox`): with no mail server, this is how a person who runs Hourbook hands someone their
 * link. Nothing in the web app or the APIs calls it — these messages carry live tokens.
 */
import { db } from "@/lib/db";
import type { OutboxKind } from "@/lib/generated/prisma/enums";

export interface AccountMessage {
  id: string;
  kind: OutboxKind;
  to: string;
  subject: string;
  body: string;
  createdAt: Date;
}

export async function listAccountMessages(options: { limit?: number; to?: string } = {}): Promise<AccountMessage[]> {
  const rows = await db.outboxMessage.findMany({
    where: { kind: { in: ["invitation", "password_reset"] }, ...(options.to ? { toAddress: options.to.trim().toLowerCase() } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(options.limit ?? 10, 1), 200),
  });
  return rows.map((r) => ({ id: r.id, kind: r.kind, to: r.toAddress, subject: r.subject, body: r.body, createdAt: r.createdAt }));
}

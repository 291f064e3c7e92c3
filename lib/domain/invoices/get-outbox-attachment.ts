import { db } from "@/lib/db";
import { assertCan, type Actor } from "@/lib/domain/actor";
import { notFound } from "@/lib/domain/errors";

/**
 * The PDF an outbox message was sent with, byte for byte as it was stored (not re-rendered:
 * it is the copy the client received). Messages of another workspace or invoice, and messages
 * without an attachment, are a not-found.
 * @throws forbidden without invoices:read; not_found
 */
export async function getOutboxAttachment(actor: Actor, invoiceId: string, messageId: string): Promise<{ fileName: string; data: Uint8Array<ArrayBuffer> }> {
  assertCan(actor, "invoices:read", "view invoices");
  const message = await db.outboxMessage.findFirst({
    where: { id: messageId, invoiceId, workspaceId: actor.workspaceId },
    select: { attachment: true, attachmentName: true },
  });
  if (!message?.attachment || !message.attachmentName) throw notFound("Attachment");
  return { fileName: message.attachmentName, data: new Uint8Array(message.attachment) };
}

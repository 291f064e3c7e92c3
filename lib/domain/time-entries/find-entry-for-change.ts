import type { DbTx } from "@/lib/db";
import { can, type Actor } from "@/lib/domain/actor";
import { conflict, forbidden, notFound } from "@/lib/domain/errors";
import { invoiceLabel } from "@/lib/domain/billing/invoice-lines";
import { lockedEntryAdvice } from "./locked-entry-advice";

/** Why a change to an entry found unbilled was refused: an invoice took it a moment later. */
export const INVOICED_MEANWHILE = "This time entry was put on an invoice a moment ago; reload it to see which one.";

/**
 * Loads an entry the actor is about to change or delete. Someone else's entry needs
 * `time:write_all`; an entry on an invoice is frozen until that invoice releases it (void or a
 * full credit note), and the refusal says what this person can do about it (locked-entry-advice.ts).
 */
export async function findEntryForChange(tx: DbTx, actor: Actor, id: string, verb: string) {
  const entry = await tx.timeEntry.findFirst({
    where: { id, workspaceId: actor.workspaceId },
    include: {
      invoiceLine: {
        select: { invoice: { select: { number: true, status: true, amountPaid: true, amountCredited: true, workspace: { select: { invoicePrefix: true } } } } },
      },
    },
  });
  if (!entry || (entry.membershipId !== actor.membershipId && !can(actor, "time:read_all"))) throw notFound("Time entry");
  if (entry.membershipId !== actor.membershipId && !can(actor, "time:write_all")) {
    throw forbidden(`A ${actor.role} can only ${verb} their own time entries.`);
  }
  const invoice = entry.invoiceLine?.invoice;
  if (invoice) {
    throw conflict(lockedEntryAdvice(actor.role, { label: invoiceLabel(invoice.workspace.invoicePrefix, invoice.number), status: invoice.status, amountPaid: invoice.amountPaid, amountCredited: invoice.amountCredited }, verb));
  }
  return entry;
}

/**
 * What someone can do about a time entry an invoice bills, in words that fit the person and the
 * invoice: a member cannot open invoices, so they are told whom to ask; an owner or admin is told
 * the one correction that invoice allows (a draft is edited or voided; a sent invoice without
 * payments or credits is voided or credited; one with payments is credited in full, one already
 * partly credited is credited for the rest).
 */
import type { Role } from "@/lib/generated/prisma/enums";
import { roleAllows } from "@/lib/domain/permissions";

export interface LockingInvoice {
  /** "INV-0042". */
  label: string;
  status: "draft" | "sent" | "paid" | "void";
  /** Minor units received so far. */
  amountPaid: number;
  /** Minor units credit notes took off it already (a partly credited invoice can no longer be voided). */
  amountCredited?: number;
}

/**
 * One sentence: why the entry is locked and what this person can do. `verb`: what they tried
 * ("change", "delete"). Pure, so the domain's refusal and the page's note say the same.
 */
export function lockedEntryAdvice(role: Role, invoice: LockingInvoice, verb = "change"): string {
  const locked = `This time entry is billed on invoice ${invoice.label}`;
  if (!roleAllows(role, "invoices:void") && !roleAllows(role, "invoices:credit")) {
    return `${locked}; ask an owner or admin to release it from ${invoice.label} if it needs to ${verb === "delete" ? "go" : "change"}.`;
  }
  if (invoice.status === "draft") {
    return `${locked}, a draft: remove it from the draft by editing ${invoice.label}, or void the draft, before you ${verb} it.`;
  }
  if (invoice.status === "sent" && invoice.amountPaid === 0 && !invoice.amountCredited) {
    return `${locked}, already sent: void ${invoice.label} or issue a credit note for it in full (either releases its time) before you ${verb} it.`;
  }
  if (invoice.amountCredited) {
    return `${locked}, which is partly credited: issue a credit note for the rest of ${invoice.label} to release its time, then ${verb} it.`;
  }
  return `${locked}, which has payments: issue a credit note for ${invoice.label} in full to release its time, then ${verb} it.`;
}

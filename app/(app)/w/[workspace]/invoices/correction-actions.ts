"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { createCreditNote } from "@/lib/domain/invoices/create-credit-note";
import { removeInvoicePayment } from "@/lib/domain/invoices/remove-invoice-payment";
import { formatMoney } from "@/lib/domain/money";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { readCreditNoteLines } from "@/lib/web/credit-note-fields";
import { optionalText, text } from "@/lib/web/form-data";

export async function removePaymentAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await removeInvoicePayment(actor, { invoiceId: text(form, "invoiceId"), paymentId: text(form, "paymentId"), reason: optionalText(form, "reason") });
    return { message: `Payment removed. ${invoice.label} balance due: ${formatMoney(invoice.balanceDue, invoice.currency)}.`, id: invoice.id };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

/** Issues the credit note (in full, or the lines given), then opens it. */
export async function createCreditNoteAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const full = text(form, "mode") !== "partial";
    const note = await createCreditNote(actor, {
      invoiceId: text(form, "invoiceId"),
      ...(full ? {} : { lines: readCreditNoteLines(form) }),
      reason: optionalText(form, "reason"),
    });
    return { message: `Credit note ${note.label} issued.`, id: note.id };
  });
  if (state.status !== "success" || !state.id) return state;
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}/invoices/${state.id}`);
}

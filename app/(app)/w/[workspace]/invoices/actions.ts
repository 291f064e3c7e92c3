"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { recordInvoicePayment, type RecordInvoicePaymentInput } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { voidInvoice } from "@/lib/domain/invoices/void-invoice";
import { formatMoney } from "@/lib/domain/money";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { money, optionalText, text } from "@/lib/web/form-data";
import { readPlanFields, toInvoicePlanInput } from "@/lib/web/invoice-plan-fields";

/** Creates the draft exactly as previewed (the preview's fields come back as hidden inputs), then opens it. */
export async function createDraftAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await createInvoiceDraft(actor, toInvoicePlanInput(readPlanFields((name) => text(form, name))));
    return { message: `Draft ${invoice.label} created.`, id: invoice.id };
  });
  if (state.status !== "success" || !state.id) return state;
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}/invoices/${state.id}`);
}

export async function sendInvoiceAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await sendInvoice(actor, { id: text(form, "invoiceId"), to: optionalText(form, "to"), message: optionalText(form, "message") });
    const delivery = invoice.deliveries.at(-1);
    return { message: `${invoice.label} is marked as sent${delivery ? ` to ${delivery.toAddress}` : ""}. The message is kept in the outbox below.`, id: invoice.id };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

export async function recordPaymentAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await recordInvoicePayment(actor, {
      invoiceId: text(form, "invoiceId"),
      amount: money(form, "amount", "Amount"),
      paidOn: optionalText(form, "paidOn"),
      // The domain validates the method; the form only offers the valid ones.
      method: (optionalText(form, "method") ?? "bank_transfer") as RecordInvoicePaymentInput["method"],
      reference: text(form, "reference"),
    });
    const paid = invoice.payments.at(-1);
    return {
      message:
        invoice.status === "paid"
          ? `Payment of ${formatMoney(paid?.amount ?? 0, invoice.currency)} recorded. ${invoice.label} is paid in full.`
          : `Payment of ${formatMoney(paid?.amount ?? 0, invoice.currency)} recorded. Balance due: ${formatMoney(invoice.balanceDue, invoice.currency)}.`,
      id: invoice.id,
    };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

export async function voidInvoiceAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await voidInvoice(actor, { id: text(form, "invoiceId") });
    return { message: `${invoice.label} is void. Its time is unbilled again and can go on a new invoice.`, id: invoice.id };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

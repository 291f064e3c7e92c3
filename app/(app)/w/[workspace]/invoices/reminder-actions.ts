"use server";
import { revalidatePath } from "next/cache";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { sendInvoiceReminder } from "@/lib/domain/invoices/send-invoice-reminder";
import { formatMoney } from "@/lib/domain/money";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { optionalText, text } from "@/lib/web/form-data";

/** A payment reminder with the PDF, from the invoice page or the Billing Hub. */
export async function sendReminderAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await sendInvoiceReminder(actor, { id: text(form, "invoiceId"), to: optionalText(form, "to"), message: optionalText(form, "message") });
    const reminder = invoice.deliveries.at(-1);
    return {
      message: `Reminder for ${invoice.label} (${formatMoney(invoice.balanceDue, invoice.currency)} due) kept in the outbox${reminder ? ` for ${reminder.toAddress}` : ""}, with the PDF attached.`,
      id: invoice.id,
    };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

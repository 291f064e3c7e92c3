"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { updateInvoiceDraft } from "@/lib/domain/invoices/update-invoice-draft";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { optionalText, text } from "@/lib/web/form-data";
import { adjustmentFieldErrors, readAdjustmentFields, toAdjustments } from "@/lib/web/invoice-adjustment-fields";

/** Saves the draft editor's fields (dates, notes, taxes, discount, tax note, line descriptions), then opens the invoice. */
export async function updateDraftAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const { taxes, discount, taxNote } = toAdjustments(readAdjustmentFields((name) => text(form, name)));
    const ids = form.getAll("lineId").map(String);
    const descriptions = form.getAll("lineDescription").map(String);
    const invoice = await updateInvoiceDraft(actor, {
      id,
      issueDate: optionalText(form, "issueDate"),
      dueDate: optionalText(form, "dueDate"),
      notes: text(form, "notes"),
      taxNote,
      taxes,
      discount,
      lines: ids.map((lineId, i) => ({ id: lineId, description: descriptions[i] ?? "" })),
    });
    return { message: `${invoice.label} saved.`, id: invoice.id };
  });
  return finish(slug, state);
}

/** Re-pulls the draft's time between from and to, then opens the invoice. */
export async function repullTimeAction(slug: string, id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const invoice = await updateInvoiceDraft(actor, { id, refreshTime: { from: optionalText(form, "from"), to: optionalText(form, "to") } });
    return { message: `${invoice.label}: time re-pulled.`, id: invoice.id };
  });
  return finish(slug, state);
}

function finish(slug: string, state: ActionState): ActionState {
  if (state.status === "error") return { ...state, fieldErrors: adjustmentFieldErrors(state.fieldErrors) };
  if (state.status !== "success" || !state.id) return state;
  revalidatePath(`/w/${slug}`, "layout");
  redirect(`/w/${slug}/invoices/${state.id}`);
}

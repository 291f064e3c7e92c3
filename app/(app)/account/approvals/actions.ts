"use server";
import { revalidatePath } from "next/cache";
import { requireUser } from "@/lib/auth/session";
import { decideApproval } from "@/lib/domain/approvals/decide-approval";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

/** Approve or deny one waiting action for the signed-in person (CSRF: the proxy refuses cross-site server actions). */
export async function decideApprovalAction(id: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser(`/account/approvals/${encodeURIComponent(id)}`);
  const state = await runAction(async () => {
    const decided = await decideApproval(user.id, id, text(form, "decision") === "approve" ? "approve" : "deny");
    return decided.status === "approved"
      ? { message: `Approved. ${decided.appName} can now go ahead: it does so the next time it tries, once.`, id }
      : { message: `Denied. Nothing was done, and ${decided.appName} cannot do it with this request.`, id };
  });
  // The badge in every layout's navigation counts what still waits.
  if (state.status === "success") revalidatePath("/", "layout");
  return state;
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { revokeOwnAppConnections } from "@/lib/oauth/connections/revoke-own-app-connections";
import { revokeOwnConnection } from "@/lib/oauth/connections/revoke-own-connection";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

export async function revokeOwnConnectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser("/account/integrations");
  const state = await runAction(async () => {
    const revoked = await revokeOwnConnection(user.id, text(form, "grantId"));
    return { message: `${revoked.appName} no longer has access.`, id: revoked.grantId };
  });
  if (state.status !== "success") return state;
  revalidatePath("/account/integrations");
  redirect(`/account/integrations?revoked=${encodeURIComponent(state.id ?? "")}`);
}

export async function revokeOwnAppConnectionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const user = await requireUser("/account/integrations");
  const state = await runAction(async () => {
    const revoked = await revokeOwnAppConnections(user.id, text(form, "clientId"));
    return { message: `${revoked.appName} no longer has access.`, id: revoked.clientId };
  });
  if (state.status !== "success") return state;
  revalidatePath("/account/integrations");
  redirect(`/account/integrations?revokedApp=${encodeURIComponent(state.id ?? "")}`);
}

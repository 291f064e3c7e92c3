"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { revokeOwnAppConnections } from "@/lib/domain/connections/revoke-own-app-connections";
import { revokeOwnConnection } from "@/lib/domain/connections/revoke-own-connection";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { text } from "@/lib/web/form-data";

/** Runs one revocation for the signed-in person, then shows the page with its confirmation (`?<param>=<id>`). */
async function revokeThenConfirm(param: "revoked" | "revokedApp", revoke: (userId: string) => Promise<{ appName: string; id: string }>): Promise<ActionState> {
  const user = await requireUser("/account/integrations");
  const state = await runAction(async () => {
    const revoked = await revoke(user.id);
    return { message: `${revoked.appName} no longer has access.`, id: revoked.id };
  });
  if (state.status !== "success") return state;
  revalidatePath("/account/integrations");
  redirect(`/account/integrations?${param}=${encodeURIComponent(state.id ?? "")}`);
}

export async function revokeOwnConnectionAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return revokeThenConfirm("revoked", async (userId) => {
    const revoked = await revokeOwnConnection(userId, text(form, "grantId"));
    return { appName: revoked.appName, id: revoked.grantId };
  });
}

export async function revokeOwnAppConnectionsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return revokeThenConfirm("revokedApp", async (userId) => {
    const revoked = await revokeOwnAppConnections(userId, text(form, "clientId"));
    return { appName: revoked.appName, id: revoked.clientId };
  });
}

"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { SecretActionState } from "@/components/developer-apps/types";
import { requireUser } from "@/lib/auth/session";
import { deleteDeveloperApp } from "@/lib/domain/developer-apps/delete-developer-app";
import { createDeveloperApp } from "@/lib/oauth/clients/create-developer-app";
import { rotateDeveloperAppSecret } from "@/lib/oauth/clients/rotate-developer-app-secret";
import { updateDeveloperApp } from "@/lib/oauth/clients/update-developer-app";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { list, text } from "@/lib/web/form-data";

const LIST = "/developers/apps";

function redirectUris(form: FormData): string {
  const value = form.get("redirectUris");
  return typeof value === "string" ? value : "";
}

/** Creates an app; a confidential one's secret comes back in the state, to be shown once. */
export async function createDeveloperAppAction(_prev: SecretActionState, form: FormData): Promise<SecretActionState> {
  const user = await requireUser(`${LIST}/new`);
  let secret: string | null = null;
  const state = await runAction(async () => {
    const created = await createDeveloperApp(user, {
      name: text(form, "name"),
      clientType: text(form, "clientType"),
      tokenEndpointAuthMethod: text(form, "tokenEndpointAuthMethod"),
      redirectUris: redirectUris(form),
      resources: list(form, "resources"),
      scopes: list(form, "scopes"),
    });
    secret = created.clientSecret;
    return { message: `${created.app.name} is created. Here is its client secret.`, id: created.app.id };
  });
  if (state.status !== "success" || !state.id) return state;
  revalidatePath(LIST);
  if (secret === null) redirect(`${LIST}/${state.id}?created=1`);
  return { ...state, secret };
}

export async function updateDeveloperAppAction(appId: string, _prev: SecretActionState, form: FormData): Promise<SecretActionState> {
  const user = await requireUser(`${LIST}/${appId}/edit`);
  const state = await runAction(async () => {
    const app = await updateDeveloperApp(user, appId, { name: text(form, "name"), redirectUris: redirectUris(form), scopes: list(form, "scopes") });
    return { message: `${app.name} is saved.`, id: app.id };
  });
  if (state.status !== "success") return state;
  revalidatePath(LIST);
  redirect(`${LIST}/${appId}?saved=1`);
}

export async function rotateDeveloperAppSecretAction(appId: string, _prev: SecretActionState): Promise<SecretActionState> {
  const user = await requireUser(`${LIST}/${appId}`);
  let secret = "";
  const state = await runAction(async () => {
    secret = await rotateDeveloperAppSecret(user, appId);
    return { message: "The secret is rotated: the old one no longer works. Here is the new one." };
  });
  if (state.status !== "success") return state;
  revalidatePath(`${LIST}/${appId}`);
  return { ...state, secret };
}

export async function deleteDeveloperAppAction(appId: string, _prev: ActionState): Promise<ActionState> {
  const user = await requireUser(`${LIST}/${appId}`);
  let name = "";
  const state = await runAction(async () => {
    ({ name } = await deleteDeveloperApp(user, appId));
    return { message: `${name} is deleted.` };
  });
  if (state.status !== "success") return state;
  revalidatePath(LIST);
  redirect(`${LIST}?deleted=${encodeURIComponent(name)}`);
}

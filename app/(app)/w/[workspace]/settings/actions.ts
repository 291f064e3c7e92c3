"use server";
import { readableMessage } from "@/lib/web/field-error";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireWorkspaceActor } from "@/lib/auth/session";
import { formatChanges } from "@/lib/domain/audit/describe-audit-event";
import { revokeWorkspaceConnection } from "@/lib/domain/connections/revoke-workspace-connection";
import { createInvitation } from "@/lib/domain/invitations/create-invitation";
import { INVITATION_TTL_DAYS } from "@/lib/domain/invitations/invitation-rules";
import { revokeInvitation } from "@/lib/domain/invitations/revoke-invitation";
import { isDomainError } from "@/lib/domain/errors";
import { changeMemberRole } from "@/lib/domain/members/change-member-role";
import { removeMember } from "@/lib/domain/members/remove-member";
import type { InviteState } from "@/components/settings/invite-form";
import { deactivateMember } from "@/lib/domain/members/deactivate-member";
import { reactivateMember } from "@/lib/domain/members/reactivate-member";
import { removeLogo } from "@/lib/domain/workspaces/remove-logo";
import { updateBilling } from "@/lib/domain/workspaces/update-billing";
import { updateWorkspaceSettings } from "@/lib/domain/workspaces/update-workspace-settings";
import { uploadLogo } from "@/lib/domain/workspaces/upload-logo";
import { splitHostList, updateIntegrationPolicy } from "@/lib/domain/workspaces/update-integration-policy";
import { runAction, type ActionState } from "@/lib/web/action-state";
import { checkbox, fileBytes, list, money, text, wholeNumber } from "@/lib/web/form-data";

const settingsPath = (slug: string, page: string) => `/w/${slug}/settings/${page}`;

// Form fields are strings; the `as` casts below only satisfy the domain's input types, whose
// zod schemas refuse anything outside the listed values.

export async function revokeWorkspaceConnectionAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const revoked = await revokeWorkspaceConnection(actor, text(form, "grantId"));
    return { message: `${revoked.appName} no longer has access.`, id: revoked.grantId };
  });
  if (state.status !== "success") return state;
  revalidatePath(settingsPath(slug, "integrations"));
  redirect(`${settingsPath(slug, "integrations")}?revoked=${encodeURIComponent(state.id ?? "")}`);
}

export async function updatePolicyAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const { changes } = await updateIntegrationPolicy(actor, {
      publicApiAccess: checkbox(form, "publicApiAccess"),
      clientPolicy: text(form, "clientPolicy") as "any",
      allowedHosts: splitHostList(text(form, "allowedHosts")),
      maxAccess: text(form, "maxAccess") as "admin",
      approvalOperations: list(form, "approvalOperations") as "send_invoice"[],
    });
    return { message: changes.length ? `Policy saved. ${formatChanges(changes)}. It applies to every connection from its next request.` : "Nothing changed." };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "integrations"));
  return state;
}

export async function changeMemberRoleAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const member = await changeMemberRole(actor, { membershipId: text(form, "membershipId"), role: text(form, "role") as "member" });
    return { message: `${member.name} is now ${member.role === "member" ? "a" : "an"} ${member.role}.`, id: member.membershipId };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "members"));
  return state;
}

export async function setMemberStatusAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const input = { membershipId: text(form, "membershipId") };
    const member = text(form, "status") === "active" ? await reactivateMember(actor, input) : await deactivateMember(actor, input);
    return { message: `${member.name} is ${member.status}.`, id: member.membershipId };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "members"));
  return state;
}

export async function removeMemberAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const member = await removeMember(actor, { membershipId: text(form, "membershipId") });
    const apps = member.grantsRevoked ? ` ${member.grantsRevoked} connected app${member.grantsRevoked === 1 ? " was" : "s were"} disconnected.` : "";
    return { message: `${member.name} was removed from the workspace.${apps}`, id: member.membershipId };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "members"));
  return state;
}

export async function inviteAction(slug: string, _prev: InviteState, form: FormData): Promise<InviteState> {
  const { actor } = await requireWorkspaceActor(slug);
  try {
    const invited = await createInvitation(actor, { email: text(form, "email"), role: text(form, "role") as "member" });
    revalidatePath(settingsPath(slug, "members"));
    const replaced = invited.replaced ? " It replaces the earlier invitation, whose link no longer works." : "";
    return {
      status: "success",
      link: invited.link,
      message: `Invitation for ${invited.email} created.${replaced} There is no mail server: copy the link and send it to them yourself. It works once, for ${INVITATION_TTL_DAYS} days.`,
    };
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return { status: "error", message: readableMessage(error), fieldErrors: { ...error.fieldErrors } };
  }
}

export async function revokeInvitationAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const revoked = await revokeInvitation(actor, { invitationId: text(form, "invitationId") });
    return { message: `The invitation for ${revoked.email} was withdrawn.`, id: revoked.id };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "members"));
  return state;
}

export async function updateBillingAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const { changes } = await updateBilling(actor, { plan: text(form, "plan") as "pro", billingState: text(form, "billingState") as "active" });
    return { message: changes.length ? `Saved. ${formatChanges(changes)}.` : "Nothing changed." };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

export async function updateWorkspaceSettingsAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  // Multi-line fields are passed untrimmed line by line; the domain tidies them.
  const raw = (name: string) => (typeof form.get(name) === "string" ? String(form.get(name)) : "");
  const state = await runAction(async () => {
    const saved = await updateWorkspaceSettings(actor, {
      name: text(form, "name"),
      currency: text(form, "currency"),
      timeZone: text(form, "timeZone"),
      defaultHourlyRate: money(form, "defaultHourlyRate", "Default hourly rate"),
      paymentTermsDays: wholeNumber(form, "paymentTermsDays", "Payment terms"),
      invoicePrefix: text(form, "invoicePrefix"),
      creditNotePrefix: text(form, "creditNotePrefix"),
      paperSize: text(form, "paperSize") as "a4",
      legalName: text(form, "legalName"),
      address: raw("address"),
      taxId: text(form, "taxId"),
      contactEmail: text(form, "contactEmail"),
      paymentInstructions: raw("paymentInstructions"),
    });
    return { message: `Settings saved for ${saved.name}.` };
  });
  if (state.status === "success") revalidatePath(`/w/${slug}`, "layout");
  return state;
}

export async function uploadLogoAction(slug: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    await uploadLogo(actor, { data: (await fileBytes(form, "logo")) ?? new Uint8Array() });
    return { message: "Logo uploaded. New invoices print it; sent ones keep theirs." };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "general"));
  return state;
}

export async function removeLogoAction(slug: string, _prev: ActionState, _form: FormData): Promise<ActionState> {
  const { actor } = await requireWorkspaceActor(slug);
  const state = await runAction(async () => {
    const { removed } = await removeLogo(actor);
    return { message: removed ? "Logo removed from new invoices." : "There was no logo to remove." };
  });
  if (state.status === "success") revalidatePath(settingsPath(slug, "general"));
  return state;
}

"use client";
import { useActionState, useEffect, useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "@/components/ui/copy-button";
import { InputField, SelectField, SelectOptions } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import { bannerMessage, formFieldErrors } from "@/lib/web/field-error";
import { focusFirstInvalid } from "@/lib/web/use-kept-form";

export type InviteState =
  | { status: "idle" }
  | { status: "success"; message: string; link: string }
  | { status: "error"; message: string; fieldErrors: Record<string, string> };

const ROLE_LABELS = { member: "Member", admin: "Admin", owner: "Owner" } as const;

/**
 * Invite by email and role. There is no mail server: on success the accept link is shown here,
 * once, to copy and hand over (it is also kept with the pending invitation below).
 */
export function InviteForm({
  action,
  roles,
  pendingLinks,
}: {
  action: (prev: InviteState, form: FormData) => Promise<InviteState>;
  roles: Array<keyof typeof ROLE_LABELS>;
  /** The links of the invitations still pending: a created link no longer among them (withdrawn, accepted, replaced) is not offered any more. */
  pendingLinks: string[];
}) {
  const [state, formAction] = useActionState(action, { status: "idle" } as InviteState);
  const formRef = useRef<HTMLFormElement>(null);
  // A refusal said only at its field: take the person (and their screen reader) there.
  useEffect(() => {
    if (state.status === "error") focusFirstInvalid(formRef.current);
  }, [state]);
  const stillPending = state.status === "success" && pendingLinks.includes(state.link);
  const fieldErrors = formFieldErrors(state);
  const emailError = fieldErrors.error("Email", "email");
  const roleError = fieldErrors.error("Role", "role");
  // A refusal that only repeats the field errors is said once, at the fields.
  const banner = state.status === "error" ? bannerMessage(state, fieldErrors.shown) : null;
  return (
    <div className="space-y-4">
      <form ref={formRef} action={formAction} className="flex flex-wrap items-end gap-3" aria-label="Invite someone">
        <InputField id="invite-email" name="email" label="Email" type="email" autoComplete="off" required fieldClassName="min-w-0 flex-1 basis-56" error={emailError} />
        <SelectField id="invite-role" name="role" label="Role" defaultValue="member" fieldClassName="w-36" error={roleError}>
          <SelectOptions choices={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </SelectField>
        <SubmitButton pendingLabel="Inviting…">Invite</SubmitButton>
      </form>
      {banner ? <Alert tone="error" testId="invite-error">{banner}</Alert> : null}
      {state.status === "success" && !stillPending ? (
        <Alert tone="info" testId="invite-gone">
          That invitation is no longer pending (withdrawn, accepted or replaced): its link does not work any more.
        </Alert>
      ) : null}
      {stillPending ? (
        <Alert tone="success" testId="invite-created">
          <p>{state.message}</p>
          <p className="mt-2 flex flex-wrap items-center gap-2">
            <code data-testid="invite-link" className="min-w-0 break-all rounded bg-white/70 px-2 py-1 font-mono text-xs text-slate-800">
              {state.link}
            </code>
            <CopyButton value={state.link} label="Copy link to the invitation" testId="copy-invite-link">
              Copy link
            </CopyButton>
          </p>
        </Alert>
      ) : null}
    </div>
  );
}

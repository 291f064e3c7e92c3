"use client";
import { Alert } from "@/components/ui/alert";
import { CheckboxField, InputField } from "@/components/ui/field";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { bannerMessage, formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/**
 * The new password, twice, and whether to disconnect every app (checked: a reset often follows a
 * suspected compromise); on success, a way to sign in with it.
 */
export function ResetPasswordForm({ action, passwordPolicy }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; passwordPolicy: string }) {
  const { state, formProps } = useFormAction(action);
  if (state.status === "success") {
    return (
      <Alert tone="success" testId="reset-done">
        {state.message}{" "}
        <a href="/login" className="font-medium underline">
          Sign in
        </a>
      </Alert>
    );
  }
  const fieldErrors = formFieldErrors(state);
  const password = fieldErrors.error("New password", "password");
  const confirm = fieldErrors.error("New password again", "confirm");
  const banner = state.status === "error" ? bannerMessage(state, fieldErrors.shown) : null;
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <InputField id="password" name="password" label="New password" type="password" autoComplete="new-password" required hint={passwordPolicy} error={password} />
      <InputField id="confirm" name="confirm" label="New password again" type="password" autoComplete="new-password" required error={confirm} />
      <CheckboxField
        id="disconnectApps"
        label="Also disconnect every app and assistant (API and MCP connections)"
        hint="Recommended if someone else may have used your account. Each app and assistant must then be connected again."
        defaultChecked
      />
      {banner ? (
        <Alert tone="error" testId="reset-error">
          {banner}
        </Alert>
      ) : null}
      <SubmitButton pendingLabel="Saving…">Set new password</SubmitButton>
    </form>
  );
}

"use client";
import { InputField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** Email → the same neutral answer, account or not. */
export function ForgotPasswordForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const { state, formProps } = useFormAction(action);
  // A bad email is said once, at the field; the banner keeps the answer and other refusals (too many requests).
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-5" noValidate>
      <InputField id="email" name="email" label="Email" type="email" autoComplete="username" required error={fieldErrors.error("Email", "email")} />
      <FormMessage state={state} testId="forgot-password-message" shownAt={fieldErrors.shown} />
      <SubmitButton pendingLabel="Sending…">Send reset link</SubmitButton>
    </form>
  );
}

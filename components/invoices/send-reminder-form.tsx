"use client";
import { InputField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** A payment reminder for a sent invoice with a balance due: kept in the outbox with the invoice PDF. */
export function SendReminderForm({
  action,
  invoiceId,
  clientEmail,
  lastReminder,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  clientEmail: string | null;
  /** "28 Nov 2026, 09:15", when the last reminder went; null when none has. */
  lastReminder: string | null;
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-4" aria-label="Send reminder">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <p className="text-sm text-slate-600" data-testid="last-reminder">
        {lastReminder ? `Last reminder sent ${lastReminder}.` : "No reminder sent yet."}
      </p>
      <InputField
        id="reminder-to"
        name="to"
        label="Send to"
        type="email"
        defaultValue={clientEmail ?? ""}
        placeholder="client@example.com"
        error={fieldErrors.error("Address", "to")}
      />
      <TextareaField id="reminder-message" name="message" label="Message (optional)" placeholder="A friendly reminder…" error={fieldErrors.error("Message", "message")} rows={2} />
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="reminder-message-state" />
      <SubmitButton pendingLabel="Sending reminder…">Send reminder</SubmitButton>
    </form>
  );
}

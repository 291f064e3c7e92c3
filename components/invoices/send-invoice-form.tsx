"use client";
import { InputField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** Marks a draft as sent. There is no mail server: the rendered message is kept in the invoice's outbox. */
export function SendInvoiceForm({
  action,
  invoiceId,
  clientEmail,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  clientEmail: string | null;
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <p className="text-sm text-slate-600">
        Hourbook has no mail server. Marking the invoice as sent keeps the message a mail server would have delivered in the outbox
        on this page, and locks the invoice for payments.
      </p>
      <InputField
        id="to"
        label="Send to"
        type="email"
        defaultValue={clientEmail ?? ""}
        placeholder="client@example.com"
        hint={clientEmail ? "The client's address; change it to send elsewhere." : "The client has no email address on file."}
        error={fieldErrors.error("Address", "to")}
      />
      <TextareaField
        id="message"
        label="Message (optional)"
        placeholder="Please find our invoice below."
        error={fieldErrors.error("Message", "message")}
        rows={3}
      />
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="send-message" />
      <SubmitButton pendingLabel="Marking as sent…">Mark as sent</SubmitButton>
    </form>
  );
}

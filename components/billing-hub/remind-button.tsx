"use client";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

/** One overdue invoice's "Send reminder": to the client's address, with the PDF, no note. */
export function RemindButton({ action, invoiceId, label }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; invoiceId: string; label: string }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps} aria-label={`Send a reminder for ${label}`} className="flex flex-col items-end gap-1">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <SubmitButton size="sm" variant="secondary" pendingLabel="Sending…">
        Send reminder
      </SubmitButton>
      <FormMessage state={state} testId={`remind-${label}`} />
    </form>
  );
}

"use client";
import { InputField, SelectField, SelectOptions } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { PAYMENT_METHODS } from "@/lib/web/invoice-status";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** A full or partial payment; more than the balance is refused by the server with the balance in the message. */
export function RecordPaymentForm({
  action,
  invoiceId,
  balanceDue,
  currency,
  today,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  /** Minor units. */
  balanceDue: number;
  currency: string;
  today: string;
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-4">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      {/* New defaults (the remaining balance) once a payment changes it; a refusal keeps what was typed. */}
      <div key={balanceDue} className="grid gap-4 sm:grid-cols-2">
        <InputField
          id="amount"
          label={`Amount (${currency})`}
          inputMode="decimal"
          required
          defaultValue={(balanceDue / 100).toFixed(2)}
          hint="Defaults to the balance due."
          error={fieldErrors.error("Amount", "amount")}
        />
        <InputField id="paidOn" label="Paid on" type="date" required defaultValue={today} max={today} error={fieldErrors.error("Paid on", "paidOn")} />
        <SelectField id="method" label="Method" defaultValue="bank_transfer" error={fieldErrors.error("Method", "method")}>
          <SelectOptions choices={PAYMENT_METHODS} />
        </SelectField>
        <InputField id="reference" label="Reference (optional)" placeholder="e.g. BACS 4471" error={fieldErrors.error("Reference", "reference")} />
      </div>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="payment-message" />
      <SubmitButton pendingLabel="Recording…">Record payment</SubmitButton>
    </form>
  );
}

"use client";
import { SelectField, SelectOptions } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

export interface Option {
  value: string;
  label: string;
}

/** The simulated billing provider's two facts: plan and billing state. */
export function BillingForm({
  action,
  plan,
  billingState,
  planOptions,
  billingStateOptions,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  plan: string;
  billingState: string;
  planOptions: Option[];
  billingStateOptions: Option[];
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-4" aria-label="Plan and billing">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField id="billing-plan" name="plan" label="Plan" defaultValue={plan} error={fieldErrors.error("Plan", "plan")}>
          <SelectOptions choices={planOptions} />
        </SelectField>
        <SelectField id="billing-state" name="billingState" label="Billing state" defaultValue={billingState} error={fieldErrors.error("Billing state", "billingState")}>
          <SelectOptions choices={billingStateOptions} />
        </SelectField>
      </div>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="billing-message" />
      <SubmitButton pendingLabel="Saving…">Save billing</SubmitButton>
    </form>
  );
}

"use client";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import type { PlanFields } from "@/lib/web/invoice-plan-fields";
import { useFormAction } from "@/lib/web/use-form-action";

/** Creates the previewed invoice: the same fields go back to the server as hidden inputs. */
export function CreateDraftForm({
  action,
  fields,
  label,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fields: PlanFields;
  label: string;
}) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-3">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage state={state} testId="create-draft-message" />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton pendingLabel="Creating…">Create draft {label}</SubmitButton>
        <p className="text-xs text-slate-500">The time is reserved for this draft until it is voided, so it cannot be billed twice.</p>
      </div>
    </form>
  );
}

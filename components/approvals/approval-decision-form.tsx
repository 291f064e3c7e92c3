"use client";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

/** Approve or Deny, for one waiting action. `describedBy` is the action's heading, so the short button names say which. */
export function ApprovalDecisionForm({ action, describedBy }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; describedBy: string }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps} aria-describedby={describedBy} className="space-y-3">
      <div className="flex flex-wrap gap-2 [&>button]:min-h-11 [&>button]:flex-1 sm:[&>button]:flex-none">
        <SubmitButton name="decision" value="approve" pendingLabel="Saving…">
          Approve
        </SubmitButton>
        <SubmitButton name="decision" value="deny" variant="secondary" pendingLabel="Saving…">
          Deny
        </SubmitButton>
      </div>
      <FormMessage state={state} testId="approval-message" />
    </form>
  );
}

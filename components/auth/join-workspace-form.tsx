"use client";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

/** One button: accept the invitation as the signed-in person. */
export function JoinWorkspaceForm({ action, workspaceName }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; workspaceName: string }) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="space-y-4">
      {state.status === "error" ? (
        <Alert tone="error" testId="join-error">
          {state.message}
        </Alert>
      ) : null}
      <SubmitButton pendingLabel="Joining…">Join {workspaceName}</SubmitButton>
    </form>
  );
}

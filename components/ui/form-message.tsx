import type { ActionState } from "@/lib/web/action-state";
import { Alert } from "./alert";

/** The outcome of a form's last submit: the domain's message, or a confirmation. */
export function FormMessage({ state, testId = "form-message" }: { state: ActionState; testId?: string }) {
  if (state.status === "idle") return null;
  return (
    <Alert tone={state.status === "error" ? "error" : "success"} testId={testId}>
      {state.message}
    </Alert>
  );
}

import type { ActionState } from "@/lib/web/action-state";
import { Alert } from "./alert";

/** The outcome of a form's last submit: the domain's message, a confirmation, or what to confirm before saving. */
export function FormMessage({ state, testId = "form-message" }: { state: ActionState; testId?: string }) {
  if (state.status === "idle") return null;
  return (
    <Alert tone={state.status === "error" ? "error" : state.status === "confirm" ? "warning" : "success"} testId={testId}>
      {state.message}
      {state.status === "confirm" && state.details.length ? (
        <ul className="mt-1 list-disc pl-5">
          {state.details.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </Alert>
  );
}

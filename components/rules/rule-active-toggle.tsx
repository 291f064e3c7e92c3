"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

/** Turns a rule on or off in place; a refusal is shown next to the button. */
export function RuleActiveToggle({
  action,
  id,
  name,
  active,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  id: string;
  name: string;
  active: boolean;
}) {
  const { state, formProps } = useFormAction(action);
  return (
    <form {...formProps} className="inline-flex items-center gap-2">
      <input type="hidden" name="id" value={id} />
      {active ? null : <input type="hidden" name="active" value="on" />}
      <SubmitButton size="sm" variant="ghost" pendingLabel="…">
        {active ? "Turn off" : "Turn on"}
        <span className="sr-only"> {name}</span>
      </SubmitButton>
      {state.status === "error" ? <span className="text-xs text-rose-700">{state.message}</span> : null}
    </form>
  );
}

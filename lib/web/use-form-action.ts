"use client";
/**
 * `useActionState` for forms that must keep what the user typed when the server refuses.
 * React resets an uncontrolled form after a form action runs; dispatching the action from
 * `onSubmit` inside a transition keeps the fields (and `useFormStatus` still reports
 * pending). The `action` prop stays for submits made before hydration.
 */
import { startTransition, useActionState, type FormEvent } from "react";
import { IDLE, type ActionState } from "@/lib/web/action-state";

export function useFormAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const form = new FormData(event.currentTarget, submitter);
    startTransition(() => dispatch(form));
  };
  return { state, pending, formProps: { action: dispatch, onSubmit } };
}

/** The message for one field of the last refusal, if any. */
export function fieldError(state: ActionState, ...names: string[]): string | undefined {
  if (state.status !== "error") return undefined;
  for (const name of names) {
    const message = state.fieldErrors[name];
    if (message) return message;
  }
  return undefined;
}

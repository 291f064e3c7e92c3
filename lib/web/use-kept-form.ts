"use client";
/**
 * A form wired to a server action that keeps what the user typed when the action refuses.
 * React resets an uncontrolled `<form action={fn}>` after every submit; submitting through
 * `onSubmit` + a transition instead leaves the fields alone, and we reset only on success.
 * A refusal moves focus to the first field marked invalid: its error may be said only there
 * (FormMessage's `shownAt`), and a screen reader then reads the field with its error.
 */
import { startTransition, useActionState, useEffect, useRef, type FormEvent } from "react";
import { IDLE, type ActionState } from "./action-state";

export function useKeptForm(
  action: (prev: ActionState, form: FormData) => Promise<ActionState>,
  { resetOnSuccess = false, onSuccess }: { resetOnSuccess?: boolean; onSuccess?: (state: ActionState & { status: "success" }, submitted: FormData | null) => void } = {},
) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const submitted = useRef<FormData | null>(null);
  const submittedForm = useRef<HTMLFormElement | null>(null);
  const onSuccessRef = useRef(onSuccess);
  useEffect(() => {
    onSuccessRef.current = onSuccess;
  });

  useEffect(() => {
    if (state.status !== "success") return;
    if (resetOnSuccess) formRef.current?.reset();
    onSuccessRef.current?.(state, submitted.current);
  }, [state, resetOnSuccess]);

  useEffect(() => {
    if (state.status === "error") focusFirstInvalid(formRef.current ?? submittedForm.current);
  }, [state]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submittedForm.current = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const data = new FormData(event.currentTarget, submitter);
    submitted.current = data;
    startTransition(() => dispatch(data));
  }

  return { state, pending, formRef, onSubmit, formAction: dispatch };
}

/** Focuses the first control of `form` marked aria-invalid (a refused field), if any. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
}

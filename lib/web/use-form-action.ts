"use client";
/**
 * `useKeptForm` shaped as props to spread on a `<form>`: `action` for submits made before
 * hydration, `onSubmit` for the rest (so React does not reset what the user typed).
 */
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

export function useFormAction(action: (prev: ActionState, form: FormData) => Promise<ActionState>) {
  const { state, pending, onSubmit, formAction } = useKeptForm(action);
  return { state, pending, formProps: { action: formAction, onSubmit } };
}


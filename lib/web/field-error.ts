/**
 * Per-field messages for forms. The domain keys its messages by input field name and words
 * them as fragments ("is required", "must be at least one minute"); next to a labelled field
 * they read best as a sentence: "Duration must be at least one minute."
 */
import type { ActionState } from "./action-state";

const FRAGMENT = /^(is|are|must|cannot|can|contains|does|has|at most|at least)\b/;

export function sentence(label: string, fragment: string): string {
  const text = FRAGMENT.test(fragment) ? `${label} ${fragment}` : fragment.charAt(0).toUpperCase() + fragment.slice(1);
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The message for the first of `names` (form field first, then the domain's input name) that has one. */
export function fieldError(state: ActionState, label: string, ...names: string[]): string | undefined {
  if (state.status !== "error") return undefined;
  for (const name of names) {
    const fragment = state.fieldErrors[name];
    if (fragment) return sentence(label, fragment);
  }
  return undefined;
}

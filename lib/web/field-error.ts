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

/**
 * The domain's message for the first of `names` (form field first, then the domain's input name)
 * that has one, as is: for forms whose domain already words whole sentences.
 */
export function fieldMessage(state: ActionState, ...names: string[]): string | undefined {
  if (state.status !== "error") return undefined;
  for (const name of names) {
    const message = state.fieldErrors[name];
    if (message) return message;
  }
  return undefined;
}

/** The same message, read as a sentence about the field labelled `label`. */
export function fieldError(state: ActionState, label: string, ...names: string[]): string | undefined {
  const fragment = fieldMessage(state, ...names);
  return fragment === undefined ? undefined : sentence(label, fragment);
}

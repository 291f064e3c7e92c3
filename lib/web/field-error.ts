/**
 * Per-field messages for forms. The domain keys its messages by input field name and words
 * them as fragments ("is required", "must be at least one minute"); next to a labelled field
 * they read best as a sentence: "Duration must be at least one minute."
 */
import { summarizeFieldErrors } from "@/lib/domain/errors";
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

/**
 * A domain input key as people name the field: the last path segment, camelCase split into
 * words, a trailing unit or id dropped. "durationSeconds" → "Duration", "filter.to" → "To",
 * "projectId" → "Project", "tagIds.2" → "Tag".
 */
export function fieldLabel(key: string): string {
  const segment = key.split(".").filter((part) => !/^\d+$/.test(part)).pop() ?? key;
  const words = segment.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/_/g, " ").toLowerCase().split(" ").filter(Boolean);
  if (words.length > 1 && /^(seconds|minutes|id|ids)$/.test(words[words.length - 1] ?? "")) words.pop();
  const text = words.join(" ");
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A refusal's message for a page or a form banner. The domain's summary of field errors
 * ("durationSeconds: cannot be longer than 24 hours") names its input keys; this words each as
 * a sentence about the field ("Duration cannot be longer than 24 hours."). Other messages are
 * already sentences and are returned as they are.
 */
export function readableMessage(error: { message: string; fieldErrors?: Readonly<Record<string, string>> }): string {
  const fieldErrors = error.fieldErrors ?? {};
  if (Object.keys(fieldErrors).length === 0 || error.message !== summarizeFieldErrors(fieldErrors)) return error.message;
  return Object.entries(fieldErrors)
    .map(([key, fragment]) => (key === "_" ? fragment : sentence(fieldLabel(key), fragment)))
    .join(" ");
}

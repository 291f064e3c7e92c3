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

/**
 * A form's field errors as its fields show them (fieldError, fieldMessage), remembering which
 * keys were shown at a field, so the form's banner (FormMessage's `shownAt`) does not say them a
 * second time. Made afresh on each render of the form: its fields' messages are read while the
 * form renders, before the banner (a child) renders.
 */
export function formFieldErrors(state: ActionState) {
  const shown = new Set<string>();
  const note = (names: string[]) => {
    const name = state.status === "error" ? names.find((n) => state.fieldErrors[n]) : undefined;
    if (name) shown.add(name);
  };
  return {
    /** fieldError's sentence about the field labelled `label`. */
    error(label: string, ...names: string[]): string | undefined {
      note(names);
      return fieldError(state, label, ...names);
    },
    /** fieldMessage's message as the domain words it. */
    message(...names: string[]): string | undefined {
      note(names);
      return fieldMessage(state, ...names);
    },
    shown: shown as ReadonlySet<string>,
  };
}

/**
 * What a form's banner says for `state`: the message, except for a refusal that only repeats its
 * field errors (the domain's summary of them, as runAction words it, or one field's own message)
 * when each of those is shown at its field (`shownAt`, the keys shown) — that is said once, at the
 * field where the person types. A refusal about the whole form, or naming a field the form does
 * not show, stays in the banner. Null when there is nothing to say.
 */
export function bannerMessage(state: ActionState, shownAt: Iterable<string>): string | null {
  if (state.status === "idle") return null;
  if (state.status !== "error") return state.message;
  const keys = Object.keys(state.fieldErrors);
  const shown = new Set(shownAt);
  if (keys.length === 0 || !keys.every((key) => shown.has(key))) return state.message;
  const summary = readableMessage({ message: summarizeFieldErrors(state.fieldErrors), fieldErrors: state.fieldErrors });
  const repeats = state.message === summary || Object.values(state.fieldErrors).includes(state.message);
  return repeats ? null : state.message;
}

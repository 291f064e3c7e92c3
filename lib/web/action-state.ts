/**
 * What a server action hands back to its form: success with a message, or the domain's
 * refusal with per-field messages — or, when storage refused the write (a full disk, a
 * read-only database), a message saying so instead of an error page. The one place domain
 * errors become form state.
 */
import { storageUnavailableMessage, storageUnavailableOf } from "@/lib/db-errors";
import { isDomainError } from "@/lib/domain/errors";
import { readableMessage } from "./field-error";

/** Something the person should know about what was saved (it is saved either way): what, one line per item, where to act. */
export interface ActionWarning {
  message: string;
  details: string[];
  link?: { href: string; label: string };
}

export type ActionState =
  | { status: "idle" }
  | { status: "success"; message: string; id?: string; warnings?: ActionWarning[] }
  | { status: "error"; message: string; fieldErrors: Record<string, string> }
  /** Nothing was saved: the action asks the person to confirm first (`details`: what they confirm, one line each). */
  | { status: "confirm"; message: string; details: string[] };

export const IDLE: ActionState = { status: "idle" };

export async function runAction(work: () => Promise<{ message: string; id?: string; warnings?: ActionWarning[] }>): Promise<ActionState> {
  try {
    const { message, id, warnings } = await work();
    return { status: "success", message, ...(id ? { id } : {}), ...(warnings?.length ? { warnings } : {}) };
  } catch (error) {
    if (isDomainError(error)) return { status: "error", message: readableMessage(error), fieldErrors: { ...error.fieldErrors } };
    const storage = storageUnavailableOf(error);
    if (storage) return { status: "error", message: storageUnavailableMessage(storage), fieldErrors: {} };
    throw error;
  }
}

/** A form-level refusal raised before the domain is called (a field that does not parse). */
export function formError(field: string, message: string): ActionState {
  return { status: "error", message, fieldErrors: { [field]: message } };
}

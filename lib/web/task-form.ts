/**
 * Reads the task form: a status, a billable choice ("" follows the project), an estimate typed
 * like a duration ("4:00", "4.5", "90m"; empty for none) and tags.
 */
import { parseDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";
import { list, text } from "./form-data";

export const TASK_STATUS_LABELS = { open: "Open", in_progress: "In progress", done: "Done" } as const;
export type TaskStatusValue = keyof typeof TASK_STATUS_LABELS;

export function readTaskForm(form: FormData) {
  const estimateText = text(form, "estimate");
  const estimateSeconds = estimateText ? parseDuration(estimateText) : null;
  if (estimateText && estimateSeconds === null) {
    throw invalidInput("Estimate: write it like 4:00, 4.5 or 90m.", { estimate: "write it like 4:00, 4.5 or 90m" });
  }
  const billable = text(form, "billable");
  return {
    name: text(form, "name"),
    // Unknown values are passed through for the domain to refuse with its own message.
    status: (text(form, "status") || "open") as TaskStatusValue,
    billable: billable === "yes" ? true : billable === "no" ? false : undefined,
    estimateSeconds,
    tagIds: list(form, "tagIds"),
  };
}

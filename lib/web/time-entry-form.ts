/**
 * Reads the add/edit time entry form into the domain's input. The form asks for a local date,
 * a start time and a typed duration; the domain wants an instant and seconds. Every field that
 * does not parse is reported at once, keyed by the form field's name.
 */
import { localDateTime } from "@/lib/domain/dates";
import { parseDuration } from "@/lib/domain/durations";
import { invalidInput } from "@/lib/domain/errors";
import { dateFieldError, list, text } from "./form-data";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface TimeEntryFields {
  projectId: string;
  taskId: string | null;
  startedAt: Date;
  durationSeconds: number;
  description: string;
  billable: boolean;
  tagIds: string[];
}

export function readTimeEntryForm(form: FormData, timeZone: string): TimeEntryFields {
  const errors: Record<string, string> = {};
  const date = text(form, "date");
  const startTime = text(form, "startTime");
  const durationSeconds = parseDuration(text(form, "duration"));
  const projectId = text(form, "projectId");

  const dateError = dateFieldError(date);
  if (dateError) errors.date = dateError;
  if (!TIME.test(startTime)) errors.startTime = "enter a time such as 09:30";
  if (durationSeconds === null) errors.duration = text(form, "duration") ? "write it like 1:30, 1.5 or 90m" : "is required, like 1:30, 1.5 or 90m";
  if (!projectId) errors.projectId = "is required";

  if (Object.keys(errors).length > 0 || durationSeconds === null) {
    const labels: Record<string, string> = { date: "date", startTime: "start time", duration: "duration", projectId: "project" };
    const fields = Object.keys(errors);
    const only = fields.length === 1 ? fields[0] : undefined;
    const message = only
      ? `${capitalize(labels[only] ?? only)}: ${errors[only]}.`
      : `Check the ${fields.map((k) => labels[k] ?? k).join(", ").replace(/, ([^,]*)$/, " and $1")}.`;
    throw invalidInput(message, errors);
  }

  return {
    projectId,
    taskId: text(form, "taskId") || null,
    startedAt: localDateTime(date, startTime, timeZone),
    durationSeconds,
    description: text(form, "description"),
    billable: form.get("billable") !== null,
    tagIds: list(form, "tagIds"),
  };
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

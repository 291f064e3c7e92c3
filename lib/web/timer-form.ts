/**
 * The web timer's words: reading the start form into startTimer's input, and a running timer
 * as the header shows it. The form asks for an optional clock time the work started at, in the
 * workspace's time zone; a time later than now means yesterday (started before midnight).
 */
import { addIsoDays, formatIsoDate, localDateOf, localDateTime, localTimeOf } from "@/lib/domain/dates";
import { invalidInput } from "@/lib/domain/errors";
import type { StartTimerInput } from "@/lib/domain/timer/start-timer";
import type { StopTimerInput } from "@/lib/domain/timer/stop-timer";
import type { RunningTimerView } from "@/lib/domain/timer/timer-view";
import { dateFieldError, list, text } from "./form-data";

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

export function readStartTimerForm(form: FormData, timeZone: string, now: Date): StartTimerInput {
  const projectId = text(form, "projectId");
  if (!projectId) throw invalidInput("Project: choose what you are working on.", { projectId: "is required" });
  const startTime = text(form, "startTime");
  if (startTime && !TIME.test(startTime)) throw invalidInput("Started at: enter a time such as 09:30.", { startTime: "enter a time such as 09:30" });
  return {
    projectId,
    taskId: text(form, "taskId") || null,
    description: text(form, "description"),
    billable: form.get("billable") !== null,
    tagIds: list(form, "tagIds"),
    startedAt: startTime ? clockTimeBefore(startTime, timeZone, now) : undefined,
    stopRunning: true,
  };
}

/**
 * The stop form: the timer the page showed, and — for a timer left running over 24 hours, longer
 * than an entry can hold — the local date and time the work really ended.
 */
export function readStopTimerForm(form: FormData, timeZone: string): StopTimerInput {
  const timerId = text(form, "timerId") || undefined;
  const stopDate = text(form, "stopDate");
  const stopTime = text(form, "stopTime");
  if (!stopDate && !stopTime) return { timerId };
  const errors: Record<string, string> = {};
  const stopDateError = dateFieldError(stopDate);
  if (stopDateError) errors.stopDate = stopDateError;
  if (!TIME.test(stopTime)) errors.stopTime = "enter a time such as 17:30";
  if (Object.keys(errors).length) throw invalidInput("Stopped at: enter the date and time the work ended.", errors);
  return { timerId, stoppedAt: localDateTime(stopDate, stopTime, timeZone) };
}

/** The last instant at or before `now` that reads `time` on a wall clock in `timeZone`. */
export function clockTimeBefore(time: string, timeZone: string, now: Date): Date {
  const today = localDateOf(now, timeZone);
  const sameDay = localDateTime(today, time, timeZone);
  return sameDay.getTime() <= now.getTime() ? sameDay : localDateTime(addIsoDays(today, -1), time, timeZone);
}

/** A running timer as the header bar takes it: plain strings, the start worded in the workspace's zone. */
export interface TimerBarTimer {
  id: string;
  /** ISO 8601 instant; the browser ticks from it. */
  startedAt: string;
  /** Elapsed seconds when the page was made, shown until the browser's first tick. */
  elapsedSeconds: number;
  /** "09:12", or "Mon 2 Nov 09:12" when it started on another day. */
  startedLabel: string;
  /** The local date it started on (YYYY-MM-DD), where a stop time for a forgotten timer starts. */
  startedDate: string;
  projectName: string;
  clientName: string;
  taskName: string | null;
  description: string;
  billable: boolean;
}

export function toTimerBarTimer(timer: RunningTimerView, timeZone: string, now: Date): TimerBarTimer {
  const day = localDateOf(timer.startedAt, timeZone);
  const time = localTimeOf(timer.startedAt, timeZone);
  return {
    id: timer.id,
    startedAt: timer.startedAt.toISOString(),
    elapsedSeconds: timer.elapsedSeconds,
    startedLabel: day === localDateOf(now, timeZone) ? time : `${formatIsoDate(day)} ${time}`,
    startedDate: day,
    projectName: timer.project.name,
    clientName: timer.client.name,
    taskName: timer.task?.name ?? null,
    description: timer.description,
    billable: timer.billable,
  };
}

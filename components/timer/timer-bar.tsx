"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmButtons, useConfirmStep } from "@/components/ui/danger-confirm";
import { cx } from "@/components/ui/cx";
import { inputClasses } from "@/components/ui/field";
import { ActionWarnings } from "@/components/ui/form-message";
import { IDLE, type ActionState } from "@/lib/web/action-state";
import type { TimerBarTimer } from "@/lib/web/timer-form";
import { useKeptForm } from "@/lib/web/use-kept-form";

type Action = (prev: ActionState, form: FormData) => Promise<ActionState>;

/** 3725 → "1:02:05". */
export function formatElapsed(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, "0")}:${String(s % 60).padStart(2, "0")}`;
}

/**
 * The running timer at the top of every workspace page: what it is on, the time ticking (counted
 * in the browser from the server's start time, so no polling), Stop and Discard; or, when none
 * runs, a link to start one. The timer is server state, so a reload shows it again; when the tab
 * comes back into view it asks the server again, so a timer stopped or started in another tab
 * shows here as it is. A stop from a tab that still showed a stopped timer says so (the domain
 * refuses it naming what happened) instead of failing or recording twice.
 */
export function TimerBar({
  timer,
  startHref,
  stopAction,
  discardAction,
  describeAction,
}: {
  timer: TimerBarTimer | null;
  startHref: string;
  stopAction: Action;
  discardAction: Action;
  /** Saves a new description for the running timer. */
  describeAction: Action;
}) {
  const router = useRouter();
  const stop = useKeptForm(stopAction);
  const discard = useKeptForm(discardAction);
  const [editing, setEditing] = useState(false);
  const describe = useKeptForm(describeAction, { onSuccess: () => setEditing(false) });
  const confirmDiscard = useConfirmStep();
  const [notice, setNotice] = useState<ActionState>(IDLE);

  useEffect(() => {
    const refresh = () => {
      if (document.visibilityState === "visible") router.refresh();
    };
    window.addEventListener("focus", refresh);
    document.addEventListener("visibilitychange", refresh);
    return () => {
      window.removeEventListener("focus", refresh);
      document.removeEventListener("visibilitychange", refresh);
    };
  }, [router]);

  // The latest answer stays on show, also once the bar has switched to "no timer running".
  // A refusal means this tab was out of date: fetch the truth.
  useEffect(() => {
    if (stop.state.status === "idle") return;
    setNotice(stop.state);
    if (stop.state.status === "error") router.refresh();
  }, [stop.state, router]);
  useEffect(() => {
    if (describe.state.status === "idle") return;
    setNotice(describe.state);
    if (describe.state.status === "error") router.refresh();
  }, [describe.state, router]);
  useEffect(() => {
    if (discard.state.status === "idle") return;
    setNotice(discard.state);
    if (discard.state.status === "error") router.refresh();
  }, [discard.state, router]);

  // Longer than an entry can hold: stopping needs the time the work really ended.
  const overlong = timer !== null && timer.elapsedSeconds > 24 * 3600;
  const what = timer ? `${timer.projectName}${timer.taskName ? ` / ${timer.taskName}` : ""}` : "";
  return (
    <section aria-label="Timer" data-testid="timer-bar" className="mb-6 rounded-xl bg-white px-4 py-3 shadow-sm ring-1 ring-slate-200 print:hidden">
      {timer ? (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          <span aria-hidden="true" className="size-2.5 shrink-0 animate-pulse rounded-full bg-emerald-500" />
          <div className="min-w-[12rem] flex-1 basis-48">
            <p className="truncate text-sm">
              <span className="font-medium text-slate-900">{what}</span>
              <span className="text-slate-500"> · {timer.clientName}</span>
            </p>
            {editing ? (
              <form onSubmit={describe.onSubmit} className="mt-1 flex flex-wrap items-center gap-2" aria-label="Edit the timer's description">
                <input type="hidden" name="timerId" value={timer.id} />
                <label htmlFor="timer-bar-description" className="sr-only">
                  Timer description
                </label>
                <input
                  id="timer-bar-description"
                  name="description"
                  defaultValue={timer.description}
                  maxLength={1000}
                  autoFocus
                  className={cx(inputClasses, "min-w-0 flex-1")}
                />
                <Button type="submit" size="sm" disabled={describe.pending}>
                  {describe.pending ? "Saving…" : "Save"}
                </Button>
                <Button variant="secondary" size="sm" onClick={() => setEditing(false)}>
                  Cancel
                </Button>
              </form>
            ) : (
              <p className="truncate text-sm text-slate-600" data-testid="timer-description">
                {timer.description || <span className="italic text-slate-500">No description</span>}
                <span className="text-slate-500"> · since {timer.startedLabel}</span>
              </p>
            )}
          </div>
          <Elapsed key={timer.id} timer={timer} />
          {confirmDiscard.confirming ? (
            <form onSubmit={discard.onSubmit} className="flex items-center gap-2" aria-label="Discard the timer">
              <input type="hidden" name="timerId" value={timer.id} />
              <span className="text-xs font-medium text-slate-700">Discard without recording the time?</span>
              <ConfirmButtons step={confirmDiscard} size="sm" confirmLabel="Confirm discard" pendingLabel="Discarding…" pending={discard.pending} />
            </form>
          ) : (
            <div className="flex items-center gap-2">
              <form onSubmit={stop.onSubmit} className="flex flex-wrap items-end gap-2">
                <input type="hidden" name="timerId" value={timer.id} />
                {overlong ? (
                  <fieldset className="flex items-end gap-2">
                    <legend className="mb-1 text-xs font-medium text-slate-700">Over 24 hours: when did the work end?</legend>
                    <label className="text-xs text-slate-600">
                      Stop date
                      <input type="date" name="stopDate" required defaultValue={timer.startedDate} className={cx(inputClasses, "mt-0.5")} />
                    </label>
                    <label className="text-xs text-slate-600">
                      Stop time
                      <input type="time" name="stopTime" required className={cx(inputClasses, "mt-0.5")} />
                    </label>
                  </fieldset>
                ) : null}
                <Button type="submit" disabled={stop.pending} aria-label={`Stop the timer on ${what}, running since ${timer.startedLabel}`}>
                  {stop.pending ? "Stopping…" : "Stop"}
                </Button>
              </form>
              <Button variant="ghost" size="sm" onClick={() => setEditing(true)} aria-label={`Edit the description of the timer on ${what}`}>
                Edit
              </Button>
              <Button ref={confirmDiscard.openRef} variant="ghost" size="sm" className="text-rose-700 hover:bg-rose-50" onClick={confirmDiscard.open} aria-label={`Discard the timer on ${what}`}>
                Discard
              </Button>
            </div>
          )}
        </div>
      ) : (
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-slate-600">No timer running.</p>
          <ButtonLink href={startHref} variant="secondary" size="sm">
            Start a timer
          </ButtonLink>
        </div>
      )}
      {notice.status !== "idle" ? (
        <p role="status" data-testid="timer-notice" className={cx("mt-2 text-sm font-medium", notice.status === "error" ? "text-rose-700" : "text-emerald-700")}>
          {notice.message}
          {notice.status === "success" && !timer ? (
            <>
              {" "}
              <Link href={startHref} className="underline underline-offset-2">
                See your time
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {notice.status === "success" ? <ActionWarnings warnings={notice.warnings} testId="timer-warning" /> : null}
    </section>
  );
}

/**
 * The ticking time. It is not a live region: read out every second it would drown everything
 * else, so screen readers get its label (what runs since when) and read the time when asked.
 */
function Elapsed({ timer }: { timer: TimerBarTimer }) {
  const [seconds, setSeconds] = useState(timer.elapsedSeconds);
  useEffect(() => {
    const started = Date.parse(timer.startedAt);
    const tick = () => setSeconds(Math.max(0, Math.floor((Date.now() - started) / 1000)));
    tick();
    const interval = setInterval(tick, 1000);
    return () => clearInterval(interval);
  }, [timer.startedAt]);
  return (
    <span role="timer" aria-live="off" aria-atomic="false" aria-label={`Timer running since ${timer.startedLabel}`} data-testid="timer-elapsed" className="font-mono text-lg font-semibold tabular-nums text-slate-900">
      {formatElapsed(seconds)}
    </span>
  );
}

"use client";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { ActionWarnings } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * "Continue" on one of your own entries: starts the timer with its project, task, description,
 * tags and billable flag, and says what happened to a timer that was running (stopped into an
 * entry, or discarded when it ran under a minute) and any tracked time it overlaps.
 */
export function ContinueButton({ entryId, summary, action }: { entryId: string; summary: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="entryId" value={entryId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Continue ${summary}: start a timer on the same work`}>
        {pending ? "Starting…" : "Continue"}
      </Button>
      {state.status === "error" || state.status === "success" ? (
        <p role="status" data-testid="continue-message" className={cx("max-w-xs text-right text-xs font-medium", state.status === "error" ? "text-rose-700" : "text-emerald-700")}>
          {state.message}
        </p>
      ) : null}
      {state.status === "success" ? (
        <div className="max-w-xs text-left">
          <ActionWarnings warnings={state.warnings} testId="continue-warning" />
        </div>
      ) : null}
    </form>
  );
}

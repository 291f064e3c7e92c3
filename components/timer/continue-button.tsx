"use client";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/** "Continue" on one of your own entries: starts the timer with its project, task, description, tags and billable flag. */
export function ContinueButton({ entryId, summary, action }: { entryId: string; summary: string; action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form onSubmit={onSubmit} className="flex flex-col items-end gap-1">
      <input type="hidden" name="entryId" value={entryId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending} aria-label={`Continue ${summary}: start a timer on the same work`}>
        {pending ? "Starting…" : "Continue"}
      </Button>
      {state.status === "error" ? (
        <p role="status" className="max-w-xs text-right text-xs font-medium text-rose-700">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";
import { Button, ButtonLink } from "@/components/ui/button";
import { ConfirmButtons, useConfirmStep } from "@/components/ui/danger-confirm";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * Edit and delete for one entry. Deleting takes a second, explicit "Confirm delete"; the
 * server answers with a redirect back to the week, or the domain's refusal shown inline.
 */
export function EntryActions({
  entryId,
  summary,
  editHref,
  deleteAction,
  returnWeek,
  returnMember,
  standalone = false,
}: {
  entryId: string;
  /** Names the entry for screen readers: "1:15 on Difference Engine Docs". */
  summary: string;
  /** Omitted where the entry is already being edited. */
  editHref?: string;
  deleteAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  returnWeek: string;
  returnMember?: string;
  /** A full-size "Delete entry" button on its own, instead of the compact row actions. */
  standalone?: boolean;
}) {
  const step = useConfirmStep();
  const { state, pending, onSubmit } = useKeptForm(deleteAction);

  return (
    <div className={standalone ? "flex flex-col items-start gap-1.5" : "flex flex-col items-end gap-1.5"}>
      {step.confirming ? (
        <form onSubmit={onSubmit} className={standalone ? "flex flex-wrap items-center gap-2" : "flex flex-wrap items-center justify-end gap-2"} aria-label={`Delete ${summary}`}>
          <input type="hidden" name="id" value={entryId} />
          <input type="hidden" name="returnWeek" value={returnWeek} />
          {returnMember ? <input type="hidden" name="returnMember" value={returnMember} /> : null}
          <span className="text-xs font-medium text-slate-700">Delete this entry?</span>
          <ConfirmButtons
            step={step}
            size={standalone ? "md" : "sm"}
            confirmLabel="Confirm delete"
            confirmAriaLabel={`Confirm delete ${summary}`}
            pendingLabel="Deleting…"
            pending={pending}
          />
        </form>
      ) : standalone ? (
        <Button ref={step.openRef} variant="secondary" className="text-rose-700" onClick={step.open} aria-label={`Delete entry ${summary}`}>
          Delete entry
        </Button>
      ) : (
        <div className="flex items-center gap-1">
          {editHref ? (
            <ButtonLink href={editHref} variant="ghost" size="sm" aria-label={`Edit ${summary}`}>
              Edit
            </ButtonLink>
          ) : null}
          <Button ref={step.openRef} variant="ghost" size="sm" className="text-rose-700 hover:bg-rose-50" onClick={step.open} aria-label={`Delete ${summary}`}>
            Delete
          </Button>
        </div>
      )}
      {state.status === "error" ? (
        <p role="status" data-testid="delete-entry-error" className={standalone ? "text-sm font-medium text-rose-700" : "max-w-xs text-right text-xs font-medium text-rose-700"}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

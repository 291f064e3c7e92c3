"use client";
import { Button } from "@/components/ui/button";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * Deactivate (after a confirmation that says what it does to their connections) or
 * reactivate a membership.
 */
export function MemberStatusForm({
  action,
  membershipId,
  name,
  active,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  membershipId: string;
  name: string;
  active: boolean;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const fields = (
    <>
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="status" value={active ? "inactive" : "active"} />
    </>
  );

  return (
    <div className="space-y-2">
      {active ? (
        <DangerConfirm
          size="sm"
          openVariant="ghost"
          openLabel={
            <>
              Deactivate<span className="sr-only"> {name}</span>
            </>
          }
          formLabel={`Deactivate ${name}`}
          confirmLabel="Confirm deactivate"
          pendingLabel="Deactivating…"
          pending={pending}
          className="max-w-xs"
          onSubmit={onSubmit}
        >
          {fields}
          <p>Deactivate {name}? They lose access to this workspace, and their connected apps are refused here until reactivated.</p>
        </DangerConfirm>
      ) : (
        <form onSubmit={onSubmit} aria-label={`Reactivate ${name}`}>
          {fields}
          <Button type="submit" variant="secondary" size="sm" disabled={pending}>
            {pending ? "Reactivating…" : "Reactivate"}
            <span className="sr-only"> {name}</span>
          </Button>
        </form>
      )}
      {state.status !== "idle" ? (
        <p role="status" data-testid="member-status-message" className={`text-xs font-medium ${state.status === "error" ? "text-rose-700" : "text-emerald-700"}`}>
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

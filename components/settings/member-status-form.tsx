"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
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
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const { state, pending, onSubmit } = useKeptForm(action, { onSuccess: () => setConfirming(false) });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const message =
    state.status !== "idle" ? (
      <p role="status" data-testid="member-status-message" className={`text-xs font-medium ${state.status === "error" ? "text-rose-700" : "text-emerald-700"}`}>
        {state.message}
      </p>
    ) : null;

  if (active && !confirming) {
    return (
      <div className="space-y-1">
        <Button ref={startRef} variant="ghost" size="sm" className="text-rose-700 hover:bg-rose-50" onClick={() => setConfirming(true)}>
          Deactivate<span className="sr-only"> {name}</span>
        </Button>
        {message}
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="space-y-2" aria-label={active ? `Deactivate ${name}` : `Reactivate ${name}`}>
      <input type="hidden" name="membershipId" value={membershipId} />
      <input type="hidden" name="status" value={active ? "inactive" : "active"} />
      {active ? (
        <div className="max-w-xs rounded-md bg-rose-50 p-2 text-xs text-rose-900 ring-1 ring-rose-200">
          <p>
            Deactivate {name}? They lose access to this workspace, and their connected apps are refused here until reactivated.
          </p>
          <div className="mt-2 flex gap-2">
            <Button ref={confirmRef} type="submit" variant="danger" size="sm" disabled={pending}>
              {pending ? "Deactivating…" : "Confirm deactivate"}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" variant="secondary" size="sm" disabled={pending}>
          {pending ? "Reactivating…" : "Reactivate"}
          <span className="sr-only"> {name}</span>
        </Button>
      )}
      {message}
    </form>
  );
}

"use client";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/** Withdraw a pending invitation (its link stops working; a new invitation can be sent any time, so no confirm step). */
export function RevokeInvitationForm({ action, invitationId, email }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; invitationId: string; email: string }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <form onSubmit={onSubmit} aria-label={`Withdraw the invitation for ${email}`} className="inline-flex items-center gap-2">
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="ghost" size="sm" disabled={pending}>
        {pending ? "Withdrawing…" : "Withdraw"}
        <span className="sr-only"> the invitation for {email}</span>
      </Button>
      {state.status === "error" ? (
        <span role="status" className="text-xs font-medium text-rose-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

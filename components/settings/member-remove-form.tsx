"use client";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/** Remove a member, after a confirmation that says what it does (and what it keeps). */
export function MemberRemoveForm({ action, membershipId, name }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; membershipId: string; name: string }) {
  const { state, pending, onSubmit } = useKeptForm(action);
  return (
    <div className="space-y-2">
      <DangerConfirm
        size="sm"
        openVariant="ghost"
        openLabel={
          <>
            Remove<span className="sr-only"> {name}</span>
          </>
        }
        formLabel={`Remove ${name}`}
        confirmLabel="Confirm remove"
        pendingLabel="Removing…"
        pending={pending}
        className="max-w-xs"
        onSubmit={onSubmit}
      >
        <input type="hidden" name="membershipId" value={membershipId} />
        <p>
          Remove {name} from this workspace? They lose access at once and every app they connected here is disconnected. Their time entries stay. To
          bring them back, invite them again.
        </p>
      </DangerConfirm>
      {state.status === "error" ? (
        <p role="status" data-testid="member-remove-message" className="text-xs font-medium text-rose-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * "Revoke", then a confirmation saying what happens, whose button is "Revoke access". Focus
 * moves to the confirmation and back to "Revoke" on cancel. `describedBy` points at the
 * connection's heading so the short button names still say which connection they end.
 * Given `all`, it ends every connection of the app instead (Account → Integrations).
 */
export function RevokeConnectionForm({
  action,
  grantId,
  appName,
  workspaceName,
  memberName,
  describedBy,
  all,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  grantId?: string;
  appName: string;
  workspaceName?: string;
  /** Set when someone other than the owner of the connection revokes it. */
  memberName?: string;
  describedBy: string;
  all?: { clientId: string; count: number };
}) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const revokeRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const { state, pending, onSubmit } = useKeptForm(action);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) revokeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <div className="space-y-2">
      {confirming ? (
        <form onSubmit={onSubmit} aria-label={`Revoke ${appName}`} className="space-y-3 rounded-lg bg-rose-50 p-3 ring-1 ring-rose-200">
          {all ? <input type="hidden" name="clientId" value={all.clientId} /> : <input type="hidden" name="grantId" value={grantId} />}
          <p className="text-sm text-rose-900">
            <strong>
              {all
                ? `Revoke all ${all.count} connections of ${appName}?`
                : `Revoke ${appName}’s access to ${workspaceName}${memberName ? ` for ${memberName}` : ""}?`}
            </strong>{" "}
            {all ? "Every installation" : "It"} stops working on its very next request. To use it again, it has to be approved afresh.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmRef} type="submit" variant="danger" size="sm" disabled={pending} aria-describedby={describedBy}>
              {pending ? "Revoking…" : all ? `Revoke all ${all.count}` : "Revoke access"}
            </Button>
            <Button variant="secondary" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={revokeRef} variant="secondary" size="sm" className="text-rose-700" onClick={() => setConfirming(true)} aria-describedby={describedBy}>
          {all ? `Revoke all ${all.count}` : "Revoke"}
        </Button>
      )}
      {state.status === "error" ? (
        <p role="status" data-testid="revoke-error" className="text-sm font-medium text-rose-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

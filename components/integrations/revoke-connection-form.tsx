"use client";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * "Revoke", then a confirmation saying what happens, whose button is "Revoke access".
 * `describedBy` points at the connection's heading so the short button names still say which
 * connection they end.
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
  const { state, pending, onSubmit } = useKeptForm(action);

  return (
    <div className="space-y-2">
      <DangerConfirm
        size="sm"
        openLabel={all ? `Revoke all ${all.count}` : "Revoke"}
        formLabel={`Revoke ${appName}`}
        confirmLabel={all ? `Revoke all ${all.count}` : "Revoke access"}
        pendingLabel="Revoking…"
        pending={pending}
        describedBy={describedBy}
        onSubmit={onSubmit}
      >
        {all ? <input type="hidden" name="clientId" value={all.clientId} /> : <input type="hidden" name="grantId" value={grantId} />}
        <p>
          <strong>
            {all
              ? `Revoke all ${all.count} connections of ${appName}?`
              : `Revoke ${appName}’s access to ${workspaceName}${memberName ? ` for ${memberName}` : ""}?`}
          </strong>{" "}
          {all ? "Every installation" : "It"} stops working on its very next request. To use it again, it has to be approved afresh.
        </p>
      </DangerConfirm>
      {state.status === "error" ? (
        <p role="status" data-testid="revoke-error" className="text-sm font-medium text-rose-700">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

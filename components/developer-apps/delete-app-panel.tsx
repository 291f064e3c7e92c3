"use client";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/** "Delete app" and its confirmation; the server answers with a redirect to the list. */
export function DeleteAppPanel({
  appName,
  liveConnections,
  action,
}: {
  appName: string;
  liveConnections: number;
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const connections =
    liveConnections === 0 ? "It has no live connections." : `Its ${liveConnections} live connection${liveConnections === 1 ? "" : "s"} end${liveConnections === 1 ? "s" : ""} at once.`;

  return (
    <div className="space-y-3">
      <DangerConfirm openLabel="Delete app" formLabel={`Delete ${appName}`} confirmLabel="Delete this app" pendingLabel="Deleting…" pending={pending} onSubmit={onSubmit}>
        <p>
          Delete {appName}? {connections} Its client ID and secret stop working, and this cannot be undone.
        </p>
      </DangerConfirm>
      {state.status === "error" ? <FormMessage state={state} testId="delete-app-message" /> : null}
    </div>
  );
}

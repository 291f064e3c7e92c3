"use client";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
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
  const [confirming, setConfirming] = useState(false);
  const { state, pending, onSubmit } = useKeptForm(action);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) deleteRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const connections =
    liveConnections === 0 ? "It has no live connections." : `Its ${liveConnections} live connection${liveConnections === 1 ? "" : "s"} end${liveConnections === 1 ? "s" : ""} at once.`;

  return (
    <div className="space-y-3">
      {confirming ? (
        <form aria-label={`Delete ${appName}`} onSubmit={onSubmit} className="space-y-3 rounded-lg bg-rose-50 p-4 ring-1 ring-inset ring-rose-200">
          <p className="text-sm text-rose-950">
            Delete {appName}? {connections} Its client ID and secret stop working, and this cannot be undone.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmRef} type="submit" variant="danger" disabled={pending}>
              {pending ? "Deleting…" : "Delete this app"}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={deleteRef} variant="secondary" className="text-rose-700" onClick={() => setConfirming(true)}>
          Delete app
        </Button>
      )}
      {state.status === "error" ? <FormMessage state={state} testId="delete-app-message" /> : null}
    </div>
  );
}

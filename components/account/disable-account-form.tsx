"use client";
import { signOut } from "next-auth/react";
import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * "Disable my account…", then a confirmation that spells out what happens. Once disabled the
 * browser is signed out (the server already refuses the session on its next request).
 */
export function DisableAccountForm({ action, connectionCount }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; connectionCount: number }) {
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  const { state, pending, onSubmit } = useKeptForm(action, {
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
  });

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <Button ref={startRef} variant="secondary" className="text-rose-700" onClick={() => setConfirming(true)}>
        Disable my account…
      </Button>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label="Disable my account" className="space-y-3 rounded-lg bg-rose-50 p-4 ring-1 ring-rose-200">
      <div className="text-sm text-rose-900">
        <p className="font-semibold">Disable your account?</p>
        <ul className="mt-1 list-disc space-y-0.5 pl-5">
          <li>You are signed out and cannot sign in again.</li>
          <li>
            {connectionCount === 0
              ? "No apps are connected, so none are affected."
              : `Your ${connectionCount === 1 ? "connected app stops" : `${connectionCount} connected apps stop`} working at once and ${connectionCount === 1 ? "its approval is" : "their approvals are"} revoked.`}
          </li>
          <li>Only an operator can enable the account again, and revoked apps stay revoked: you would approve them afresh.</li>
          <li>Your time entries and the workspaces you belong to are kept.</li>
        </ul>
      </div>
      <FormMessage state={state.status === "error" ? state : { status: "idle" }} testId="disable-account-message" />
      {state.status === "success" ? <p role="status" className="text-sm text-rose-900">{state.message} Signing you out…</p> : null}
      <div className="flex flex-wrap gap-2">
        <Button ref={confirmRef} type="submit" variant="danger" disabled={pending || state.status === "success"}>
          {pending ? "Disabling…" : "Disable my account"}
        </Button>
        <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

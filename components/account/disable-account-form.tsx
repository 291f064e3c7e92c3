"use client";
import { signOut } from "next-auth/react";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * "Disable my account…", then a confirmation that spells out what happens. Once disabled the
 * browser is signed out (the server already refuses the session on its next request).
 */
export function DisableAccountForm({ action, connectionCount }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; connectionCount: number }) {
  const { state, pending, onSubmit } = useKeptForm(action, {
    onSuccess: () => void signOut({ callbackUrl: "/login" }),
  });

  return (
    <DangerConfirm
      openLabel="Disable my account…"
      formLabel="Disable my account"
      confirmLabel="Disable my account"
      pendingLabel="Disabling…"
      pending={pending}
      done={state.status === "success"}
      onSubmit={onSubmit}
    >
      <div>
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
      {state.status === "success" ? <p role="status">{state.message} Signing you out…</p> : null}
    </DangerConfirm>
  );
}

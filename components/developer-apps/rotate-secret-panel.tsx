"use client";
import { startTransition, useActionState } from "react";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/web/action-state";
import { SecretReveal } from "./secret-reveal";
import type { SecretActionState } from "./types";

/** "Rotate secret", a confirmation, then the new secret shown once. */
export function RotateSecretPanel({ appName, action }: { appName: string; action: (prev: SecretActionState, form: FormData) => Promise<SecretActionState> }) {
  const [state, dispatch, pending] = useActionState(action, IDLE as SecretActionState);

  if (state.status === "success" && "secret" in state) {
    return <SecretReveal key={state.secret} secret={state.secret} title={state.message} />;
  }

  return (
    <div className="space-y-3">
      <DangerConfirm
        tone="warning"
        openLabel="Rotate secret"
        formLabel={`Rotate the secret of ${appName}`}
        confirmLabel="Rotate now"
        pendingLabel="Rotating…"
        pending={pending}
        onSubmit={(event) => {
          event.preventDefault();
          const form = new FormData(event.currentTarget);
          startTransition(() => dispatch(form));
        }}
      >
        <p>
          Rotate the secret of {appName}? The current secret stops working at once: anything still using it is refused until you give it the new one.
          Existing connections stay; only the app&apos;s own credentials change.
        </p>
      </DangerConfirm>
      {state.status === "error" ? <FormMessage state={state} testId="rotate-secret-message" /> : null}
    </div>
  );
}

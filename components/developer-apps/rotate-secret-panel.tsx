"use client";
import { startTransition, useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { IDLE } from "@/lib/web/action-state";
import { SecretReveal } from "./secret-reveal";
import type { SecretActionState } from "./types";

/** "Rotate secret", a confirmation, then the new secret shown once. */
export function RotateSecretPanel({ appName, action }: { appName: string; action: (prev: SecretActionState, form: FormData) => Promise<SecretActionState> }) {
  const [state, dispatch, pending] = useActionState(action, IDLE as SecretActionState);
  const [confirming, setConfirming] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const rotateRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) rotateRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (state.status === "success" && "secret" in state) {
    return <SecretReveal key={state.secret} secret={state.secret} title={state.message} />;
  }

  return (
    <div className="space-y-3">
      {confirming ? (
        <form
          aria-label={`Rotate the secret of ${appName}`}
          onSubmit={(event) => {
            event.preventDefault();
            const form = new FormData(event.currentTarget);
            startTransition(() => dispatch(form));
          }}
          className="space-y-3 rounded-lg bg-amber-50 p-4 ring-1 ring-inset ring-amber-200"
        >
          <p className="text-sm text-amber-950">
            Rotate the secret of {appName}? The current secret stops working at once: anything still using it is refused until you give it the new one.
            Existing connections stay; only the app&apos;s own credentials change.
          </p>
          <div className="flex flex-wrap gap-2">
            <Button ref={confirmRef} type="submit" variant="danger" disabled={pending}>
              {pending ? "Rotating…" : "Rotate now"}
            </Button>
            <Button variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </form>
      ) : (
        <Button ref={rotateRef} variant="secondary" onClick={() => setConfirming(true)}>
          Rotate secret
        </Button>
      )}
      {state.status === "error" ? <FormMessage state={state} testId="rotate-secret-message" /> : null}
    </div>
  );
}

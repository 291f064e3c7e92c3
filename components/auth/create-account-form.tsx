"use client";
import { signIn } from "next-auth/react";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import type { ActionState } from "@/lib/web/action-state";
import { bannerMessage, formFieldErrors } from "@/lib/web/field-error";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * Creates an account through `action` (which answers the workspace slug as `id`), then signs
 * the new person in with what they typed and opens that workspace. `fixedEmail`: the invited
 * address, shown but not editable; otherwise the form asks for one. `extra`: more fields
 * (the sign-up page's workspace fields).
 */
export function CreateAccountForm({
  action,
  fixedEmail,
  passwordPolicy,
  submitLabel,
  pendingLabel,
  extra,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  fixedEmail?: string;
  passwordPolicy: string;
  submitLabel: string;
  pendingLabel: string;
  /** More fields; `error(label, name)` is the message to show at one (formFieldErrors). */
  extra?: (error: (label: string, ...names: string[]) => string | undefined) => ReactNode;
}) {
  const [signInFailed, setSignInFailed] = useState(false);
  const [signingIn, setSigningIn] = useState(false);
  const { state, pending, onSubmit, formRef } = useKeptForm(action, {
    onSuccess: async (done, submitted) => {
      setSigningIn(true);
      const result = await signIn("credentials", {
        email: fixedEmail ?? String(submitted?.get("email") ?? ""),
        password: String(submitted?.get("password") ?? ""),
        redirect: false,
      });
      if (result?.ok && !result.error) {
        window.location.assign(`/w/${encodeURIComponent(done.id ?? "")}/time`);
        return;
      }
      setSigningIn(false);
      setSignInFailed(true);
    },
  });
  const fieldErrors = formFieldErrors(state);
  // The fields' messages are read first (in the JSX below), so the banner knows which were shown.
  const fields = (
    <>
      <InputField id="name" name="name" label="Your name" autoComplete="name" required error={fieldErrors.error("Your name", "name")} />
      {fixedEmail ? (
        <InputField id="email" name="email" label="Email" type="email" value={fixedEmail} readOnly hint="The invitation was sent to this address." />
      ) : (
        <InputField id="email" name="email" label="Email" type="email" autoComplete="username" required error={fieldErrors.error("Email", "email")} />
      )}
      <InputField id="password" name="password" label="Password" type="password" autoComplete="new-password" required hint={passwordPolicy} error={fieldErrors.error("Password", "password")} />
      {extra?.(fieldErrors.error)}
    </>
  );
  const banner = state.status === "error" ? bannerMessage(state, fieldErrors.shown) : null;

  return (
    <form ref={formRef} onSubmit={onSubmit} className="space-y-5" noValidate>
      {fields}
      {banner ? (
        <Alert tone="error" testId="create-account-error">
          {banner}
        </Alert>
      ) : null}
      {signInFailed ? (
        <Alert tone="warning" testId="create-account-signin">
          Your account is ready, but signing in did not work. <a href="/login" className="font-medium underline">Sign in</a> with your email and password.
        </Alert>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || signingIn}>
        {pending || signingIn ? pendingLabel : submitLabel}
      </Button>
    </form>
  );
}

/** A text field that starts as the browser's time zone (the server cannot know it). */
export function BrowserTimeZoneField({ error }: { error?: string }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (ref.current && zone && ref.current.value === "UTC") ref.current.value = zone;
  }, []);
  return (
    <InputField ref={ref} id="timeZone" name="timeZone" label="Time zone" defaultValue="UTC" hint="IANA name, e.g. Europe/London: days and weeks are read in it." error={error} />
  );
}

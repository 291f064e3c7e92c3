"use client";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";

const MESSAGES: Record<string, string> = {
  AccountDisabled: "This account is disabled. Ask a workspace owner to re-enable it.",
  CredentialsSignin: "Wrong email or password.",
};

/** Email + password sign-in; on success goes to `returnTo` (already checked to be on this site). */
export function LoginForm({ returnTo }: { returnTo: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so every server component renders with the new session cookie.
      window.location.assign(returnTo);
      return;
    }
    setPending(false);
    setError(MESSAGES[result?.error ?? ""] ?? "Could not sign in. Try again in a moment.");
  }

  return (
    <form onSubmit={submit} className="space-y-5" noValidate>
      <InputField id="email" name="email" label="Email" type="email" autoComplete="username" required autoFocus />
      <InputField id="password" name="password" label="Password" type="password" autoComplete="current-password" required />
      {error ? (
        <Alert tone="error" testId="login-error">
          {error}
        </Alert>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}

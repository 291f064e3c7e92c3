"use client";
import { InputField } from "@/components/ui/field";
import type { ActionState } from "@/lib/web/action-state";
import { BrowserTimeZoneField, CreateAccountForm } from "./create-account-form";

/** Sign-up: the person (name, email, password) and their workspace (name, currency, time zone). */
export function SignUpForm({ action, passwordPolicy }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; passwordPolicy: string }) {
  return (
    <CreateAccountForm
      action={action}
      passwordPolicy={passwordPolicy}
      submitLabel="Create account and workspace"
      pendingLabel="Creating…"
      extra={(error) => (
        <fieldset className="space-y-5 border-t border-slate-100 pt-5">
          <legend className="sr-only">Your workspace</legend>
          <InputField id="workspaceName" name="workspaceName" label="Workspace name" hint="Your business or team, e.g. Lovelace Studio." required error={error("Workspace name", "workspaceName")} />
          <div className="grid gap-5 sm:grid-cols-2">
            <InputField id="currency" name="currency" label="Currency" defaultValue="EUR" hint="ISO code: EUR, USD, GBP…" maxLength={3} error={error("Currency", "currency")} />
            <BrowserTimeZoneField error={error("Time zone", "timeZone")} />
          </div>
        </fieldset>
      )}
    />
  );
}

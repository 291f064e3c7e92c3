"use client";
import { startTransition, useActionState, useState, type FormEvent } from "react";
import { ButtonLink } from "@/components/ui/button";
import { CheckboxField, InputField, RadioField, inputClasses } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SaveOrCancel } from "@/components/ui/save-or-cancel";
import type { ResourceChoice, ScopeChoice } from "@/lib/domain/developer-apps/scope-choices";
import { IDLE } from "@/lib/web/action-state";
import { fieldMessage } from "@/lib/web/field-error";
import { SecretReveal } from "./secret-reveal";
import type { SecretActionState } from "./types";

export interface DeveloperAppFormValues {
  name: string;
  clientType: "public" | "confidential";
  tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post";
  redirectUris: string;
  resources: string[];
  scopes: string[];
}

/**
 * Create or edit a developer app. Creating a confidential app ends on its secret, shown once;
 * editing keeps the client type and resources as registered.
 */
export function DeveloperAppForm({
  mode,
  action,
  values,
  scopeGroups,
  resourceChoices,
  cancelHref,
  submitLabel,
}: {
  mode: "create" | "edit";
  action: (prev: SecretActionState, form: FormData) => Promise<SecretActionState>;
  values: DeveloperAppFormValues;
  scopeGroups: Array<{ area: string; items: ScopeChoice[] }>;
  resourceChoices: ResourceChoice[];
  cancelHref: string;
  submitLabel: string;
}) {
  const [state, dispatch] = useActionState(action, IDLE as SecretActionState);
  const [clientType, setClientType] = useState(values.clientType);
  const creating = mode === "create";

  // Dispatching from onSubmit keeps what was typed when the server refuses (see use-form-action).
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    startTransition(() => dispatch(form));
  }

  if (state.status === "success" && "secret" in state) {
    return (
      <SecretReveal secret={state.secret} title={state.message}>
        {state.id ? (
          <p className="text-sm text-slate-700">
            Client ID: <code className="font-mono text-xs">{state.id}</code>
          </p>
        ) : null}
        <ButtonLink href={state.id ? `/developers/apps/${state.id}` : "/developers/apps"}>I have copied the secret — continue to the app</ButtonLink>
      </SecretReveal>
    );
  }

  const redirectError = fieldMessage(state, "redirectUris");
  const resourcesError = fieldMessage(state, "resources");
  const scopesError = fieldMessage(state, "scopes");

  return (
    <form action={dispatch} onSubmit={onSubmit} className="space-y-6" noValidate>
      <InputField id="name" label="App name" required defaultValue={values.name} maxLength={100} hint="Shown to people on the consent page and in their list of connections." error={fieldMessage(state, "name")} />

      {creating ? (
        <fieldset className="space-y-3" aria-describedby={fieldMessage(state, "clientType") ? "clientType-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Client type</legend>
          <RadioField
            id="clientType-confidential"
            name="clientType"
            value="confidential"
            checked={clientType === "confidential"}
            onChange={() => setClientType("confidential")}
            label="Confidential"
            hint="Runs on a server you control and can keep a client secret."
          />
          {clientType === "confidential" ? (
            <div className="space-y-1 pl-6">
              <label htmlFor="tokenEndpointAuthMethod" className="block text-sm font-medium text-slate-800">
                How it sends its secret to the token endpoint
              </label>
              <select
                id="tokenEndpointAuthMethod"
                name="tokenEndpointAuthMethod"
                defaultValue={values.tokenEndpointAuthMethod}
                className={`${inputClasses} max-w-md`}
                aria-describedby="tokenEndpointAuthMethod-hint"
              >
                <option value="client_secret_basic">client_secret_basic — HTTP Basic authentication header</option>
                <option value="client_secret_post">client_secret_post — client_id and client_secret in the form body</option>
              </select>
              <p id="tokenEndpointAuthMethod-hint" className="text-xs text-slate-500">
                Hourbook only accepts the method you choose here.
              </p>
              <FieldProblem id="tokenEndpointAuthMethod-error" message={fieldMessage(state, "tokenEndpointAuthMethod")} />
            </div>
          ) : null}
          <RadioField
            id="clientType-public"
            name="clientType"
            value="public"
            checked={clientType === "public"}
            onChange={() => setClientType("public")}
            label="Public"
            hint="A browser, desktop, mobile or command-line app: no secret, PKCE alone protects the code."
          />
          <FieldProblem id="clientType-error" message={fieldMessage(state, "clientType")} />
        </fieldset>
      ) : null}

      <div className="space-y-1">
        <label htmlFor="redirectUris" className="block text-sm font-medium text-slate-800">
          Redirect URIs
        </label>
        <textarea
          id="redirectUris"
          name="redirectUris"
          rows={4}
          required
          defaultValue={values.redirectUris}
          spellCheck={false}
          className={`${inputClasses} font-mono text-xs`}
          aria-invalid={redirectError ? true : undefined}
          aria-describedby={redirectError ? "redirectUris-hint redirectUris-error" : "redirectUris-hint"}
        />
        <p id="redirectUris-hint" className="text-xs text-slate-500">
          One per line, at most 10. https anywhere; http only on 127.0.0.1, [::1] (any port matches) or localhost (exact); an app&apos;s own scheme such as
          myapp://callback. No fragments.
        </p>
        <FieldProblem id="redirectUris-error" message={redirectError} />
      </div>

      {creating ? (
        <fieldset className="space-y-2" aria-describedby={resourcesError ? "resources-error" : "resources-hint"}>
          <legend className="text-sm font-medium text-slate-800">Resources</legend>
          <p id="resources-hint" className="text-xs text-slate-500">
            What the app may ask tokens for. Each authorization is for one of them.
          </p>
          {resourceChoices.map((resource) => (
            <CheckboxField
              key={resource.kind}
              id={`resources-${resource.kind}`}
              name="resources"
              value={resource.kind}
              defaultChecked={values.resources.includes(resource.kind)}
              label={resource.label}
              labelWeight="normal"
              hint={resource.url}
            />
          ))}
          <FieldProblem id="resources-error" message={resourcesError} />
        </fieldset>
      ) : (
        <div className="space-y-1">
          <p className="text-sm font-medium text-slate-800">Resources</p>
          <p className="text-sm text-slate-700">{resourceChoices.filter((r) => values.resources.includes(r.kind)).map((r) => r.label).join(", ")}</p>
          <p className="text-xs text-slate-500">Resources are fixed once an app exists; create another app for a different set.</p>
        </div>
      )}

      <fieldset className="space-y-3" aria-describedby={scopesError ? "scopes-error" : "scopes-hint"}>
        <legend className="text-sm font-medium text-slate-800">Allowed scopes</legend>
        <p id="scopes-hint" className="text-xs text-slate-500">
          The most the app may ask for; people approve some or all of it for one workspace. A change applies to new authorizations — existing connections keep
          what was approved.
        </p>
        <div className="grid gap-x-8 gap-y-4 sm:grid-cols-2">
          {scopeGroups.map((group) => (
            <fieldset key={group.area}>
              <legend className="text-xs font-semibold uppercase tracking-wide text-slate-500">{group.area}</legend>
              <ul className="mt-1.5 space-y-1.5">
                {group.items.map((item) => (
                  <li key={item.scope}>
                    <CheckboxField
                      id={`scopes-${item.scope}`}
                      name="scopes"
                      value={item.scope}
                      defaultChecked={values.scopes.includes(item.scope)}
                      label={
                        <>
                          {item.text} <span className="font-mono text-xs text-slate-500">{item.scope}</span>
                        </>
                      }
                      labelWeight="normal"
                      hint={[item.needs ? `needs ${item.needs}` : null, item.apiOnly ? "REST API only" : null].filter(Boolean).join(" · ") || undefined}
                    />
                  </li>
                ))}
              </ul>
            </fieldset>
          ))}
        </div>
        <FieldProblem id="scopes-error" message={scopesError} />
      </fieldset>

      {state.status === "error" ? <FormMessage state={state} testId="app-form-message" /> : null}
      <SaveOrCancel submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}

function FieldProblem({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} data-testid={id} className="whitespace-pre-line text-xs font-medium text-rose-600">
      {message}
    </p>
  );
}

"use client";
import { Button } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useEditorForm } from "@/components/ui/use-editor-form";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";

export interface ProjectFormValues {
  clientId: string;
  name: string;
  /** Major units as typed, e.g. "120.00"; empty for no own rate. */
  hourlyRate: string;
  billableByDefault: boolean;
  archived: boolean;
}

const BLANK: ProjectFormValues = { clientId: "", name: "", hourlyRate: "", billableByDefault: true, archived: false };

/**
 * New project (choosing its client), or editing one. The hourly rate is typed in major units;
 * left empty, billing rules and the workspace's default rate decide.
 */
export function ProjectForm({
  mode,
  action,
  idPrefix,
  values = BLANK,
  clients = [],
  currency,
  defaultRateLabel,
  fixedClientId,
}: {
  mode: "create" | "edit";
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  values?: ProjectFormValues;
  /** Clients a new project can belong to (create only). */
  clients?: { id: string; name: string }[];
  currency: string;
  /** The workspace default, formatted: "€90.00". */
  defaultRateLabel: string;
  /** Adding a project from a client's card: the client is already chosen. */
  fixedClientId?: string;
}) {
  const { state, pending, onSubmit, formKey } = useEditorForm(action);
  const fieldErrors = formFieldErrors(state);
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={mode === "create" ? "Add project" : `Edit project ${values.name}`}>
      {fixedClientId ? <input type="hidden" name="clientId" value={fixedClientId} /> : null}
      {mode === "create" && !fixedClientId ? (
        <SelectField id={id("client")} name="clientId" label="Client" required defaultValue={values.clientId} error={fieldErrors.error("Client", "clientId")}>
          <option value="">Choose a client…</option>
          {clients.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </SelectField>
      ) : null}
      <div className={mode === "edit" || fixedClientId ? "grid gap-4 sm:grid-cols-2" : "space-y-4"}>
        <InputField id={id("name")} name="name" label="Project name" required maxLength={120} defaultValue={values.name} error={fieldErrors.error("Project name", "name")} />
        <InputField
          id={id("rate")}
          name="hourlyRate"
          label={`Hourly rate (${currency})`}
          inputMode="decimal"
          autoComplete="off"
          placeholder={defaultRateLabel}
          hint={`Leave empty to use billing rules and the workspace default (${defaultRateLabel}).`}
          className="tabular-nums"
          defaultValue={values.hourlyRate}
          error={fieldErrors.error("Hourly rate", "hourlyRate")}
        />
      </div>
      <div className="flex flex-wrap gap-x-8 gap-y-3">
        <CheckboxField
          id={id("billable")}
          name="billableByDefault"
          label="Billable by default"
          hint="New time and tasks on this project start as billable."
          defaultChecked={values.billableByDefault}
        />
        {mode === "edit" ? (
          <CheckboxField id={id("archived")} name="archived" label="Archived" hint="No new time can be tracked on an archived project." defaultChecked={values.archived} />
        ) : null}
      </div>
      {mode === "create" || state.status === "error" ? <FormMessage state={state} shownAt={fieldErrors.shown} testId={`${idPrefix}-message`} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Add project" : "Save project"}
      </Button>
    </form>
  );
}

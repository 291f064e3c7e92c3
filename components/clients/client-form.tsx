"use client";
import { Button } from "@/components/ui/button";
import { CheckboxField, InputField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useEditorForm } from "@/components/ui/use-editor-form";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";

export interface ClientFormValues {
  name: string;
  email: string;
  address: string;
  taxId: string;
  invoiceEmail: string;
  archived: boolean;
}

const BLANK: ClientFormValues = { name: "", email: "", address: "", taxId: "", invoiceEmail: "", archived: false };

/** New client, or editing one (then with "Archived"). Refused input stays as typed. */
export function ClientForm({
  mode,
  action,
  idPrefix,
  values = BLANK,
}: {
  mode: "create" | "edit";
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  values?: ClientFormValues;
}) {
  const { state, pending, onSubmit, formKey } = useEditorForm(action);
  const fieldErrors = formFieldErrors(state);
  const id = (name: string) => `${idPrefix}-${name}`;

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={mode === "create" ? "Add client" : `Edit client ${values.name}`}>
      <InputField id={id("name")} name="name" label="Name" required maxLength={120} defaultValue={values.name} error={fieldErrors.error("Name", "name")} />
      <InputField
        id={id("email")}
        name="email"
        label="Billing email"
        type="email"
        hint="Where invoices are sent, unless an invoice email is set."
        defaultValue={values.email}
        error={fieldErrors.error("Billing email", "email")}
      />
      <InputField
        id={id("invoice-email")}
        name="invoiceEmail"
        label="Invoice email"
        type="email"
        hint="Optional: invoices and reminders go here instead, e.g. accounts payable."
        defaultValue={values.invoiceEmail}
        error={fieldErrors.error("Invoice email", "invoiceEmail")}
      />
      <TextareaField
        id={id("address")}
        name="address"
        label="Billing address"
        rows={3}
        hint="Printed on invoices, one line per line."
        defaultValue={values.address}
        error={fieldErrors.error("Billing address", "address")}
      />
      <InputField
        id={id("tax-id")}
        name="taxId"
        label="Tax ID"
        hint="The client's VAT or tax number, printed on invoices."
        maxLength={40}
        defaultValue={values.taxId}
        error={fieldErrors.error("Tax ID", "taxId")}
      />
      {mode === "edit" ? (
        <CheckboxField id={id("archived")} name="archived" label="Archived" hint="Archived clients are hidden from the project and time forms." defaultChecked={values.archived} />
      ) : null}
      {mode === "create" || state.status === "error" ? <FormMessage state={state} shownAt={fieldErrors.shown} testId={`${idPrefix}-message`} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Add client" : "Save client"}
      </Button>
    </form>
  );
}

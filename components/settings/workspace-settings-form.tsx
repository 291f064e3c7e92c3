"use client";
import { InputField, SelectField, SelectOptions, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** The settings as the form shows them: strings as typed, the rate in major units. */
export interface WorkspaceSettingsFormValues {
  name: string;
  currency: string;
  timeZone: string;
  defaultHourlyRate: string;
  paymentTermsDays: string;
  invoicePrefix: string;
  creditNotePrefix: string;
  paperSize: string;
  legalName: string;
  address: string;
  taxId: string;
  contactEmail: string;
  paymentInstructions: string;
}

export interface Choice {
  value: string;
  label: string;
}

/** An owner's form for the workspace's general settings and business details. Refused input stays as typed. */
export function WorkspaceSettingsForm({
  action,
  values,
  currencies,
  timeZones,
  paperSizes,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: WorkspaceSettingsFormValues;
  currencies: Choice[];
  timeZones: Choice[];
  paperSizes: Choice[];
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  const error = (label: string, name: string) => fieldErrors.error(label, name);
  return (
    <form {...formProps} noValidate className="space-y-6" aria-label="Workspace settings and business details">
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">General</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField id="settings-name" name="name" label="Workspace name" required maxLength={120} defaultValue={values.name} error={error("Workspace name", "name")} />
          <SelectField id="settings-currency" name="currency" label="Currency" defaultValue={values.currency} hint="Fixed once time or invoices are recorded." error={error("Currency", "currency")}>
            <SelectOptions choices={currencies} />
          </SelectField>
          <SelectField id="settings-time-zone" name="timeZone" label="Time zone" defaultValue={values.timeZone} error={error("Time zone", "timeZone")}>
            <SelectOptions choices={timeZones} />
          </SelectField>
          <InputField
            id="settings-default-rate"
            name="defaultHourlyRate"
            label={`Default hourly rate (${values.currency})`}
            inputMode="decimal"
            hint="When no billing rule or project rate applies; for time tracked from now on."
            defaultValue={values.defaultHourlyRate}
            error={error("Default hourly rate", "defaultHourlyRate")}
          />
          <InputField
            id="settings-payment-terms"
            name="paymentTermsDays"
            label="Payment terms (days)"
            inputMode="numeric"
            hint="Days from issue to due date on new invoices."
            defaultValue={values.paymentTermsDays}
            error={error("Payment terms", "paymentTermsDays")}
          />
          <SelectField id="settings-paper-size" name="paperSize" label="Invoice paper size" defaultValue={values.paperSize} error={error("Paper size", "paperSize")}>
            <SelectOptions choices={paperSizes} />
          </SelectField>
          <InputField
            id="settings-invoice-prefix"
            name="invoicePrefix"
            label="Invoice prefix"
            maxLength={12}
            hint="E.g. INV- gives INV-0001. Fixed once an invoice has been sent."
            defaultValue={values.invoicePrefix}
            error={error("Invoice prefix", "invoicePrefix")}
          />
          <InputField
            id="settings-credit-note-prefix"
            name="creditNotePrefix"
            label="Credit note prefix"
            maxLength={12}
            hint="E.g. CN- gives CN-0001. Fixed once a credit note exists."
            defaultValue={values.creditNotePrefix}
            error={error("Credit note prefix", "creditNotePrefix")}
          />
        </div>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Business details</legend>
        <p className="text-sm text-slate-500">Printed on invoices as the seller. A sent invoice keeps the details it was sent with.</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField
            id="settings-legal-name"
            name="legalName"
            label="Legal name"
            maxLength={200}
            hint="Your registered business name; left empty, the workspace name is printed."
            defaultValue={values.legalName}
            error={error("Legal name", "legalName")}
          />
          <InputField id="settings-tax-id" name="taxId" label="Tax or VAT ID" maxLength={40} defaultValue={values.taxId} error={error("Tax or VAT ID", "taxId")} />
          <TextareaField id="settings-address" name="address" label="Address" rows={4} hint="One line per line, up to 8 lines." defaultValue={values.address} error={error("Address", "address")} />
          <InputField
            id="settings-contact-email"
            name="contactEmail"
            label="Contact email"
            type="email"
            hint="Printed on invoices for questions about them."
            defaultValue={values.contactEmail}
            error={error("Contact email", "contactEmail")}
          />
          <TextareaField
            id="settings-payment-instructions"
            name="paymentInstructions"
            label="Payment instructions"
            rows={4}
            fieldClassName="sm:col-span-2"
            hint="Bank details or how to pay, printed on every invoice."
            defaultValue={values.paymentInstructions}
            error={error("Payment instructions", "paymentInstructions")}
          />
        </div>
      </fieldset>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="settings-message" />
      <SubmitButton pendingLabel="Saving…">Save settings</SubmitButton>
    </form>
  );
}

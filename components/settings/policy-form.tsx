"use client";
import { useState } from "react";
import { CheckboxField, RadioField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import { APPROVAL_OPERATION_NAMES, APPROVAL_OPERATIONS, type ApprovalOperation } from "@/lib/domain/approvals/approval-operations";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

export interface PolicyValues {
  publicApiAccess: boolean;
  clientPolicy: "any" | "developer_apps" | "allowlist";
  allowedHosts: string[];
  maxAccess: "read" | "write" | "admin";
  approvalOperations: ApprovalOperation[];
}

const CLIENT_CHOICES = [
  { value: "any", label: "Any app", hint: "Any AI assistant or app a member approves, including ones that registered themselves." },
  { value: "developer_apps", label: "Developer apps only", hint: "Only apps registered by a signed-in developer on the Developer apps page." },
  { value: "allowlist", label: "Only apps from these hosts", hint: "Apps whose metadata document or redirect addresses are on the hosts listed below." },
] as const;

const ACCESS_CHOICES = [
  { value: "read", label: "Read only", hint: "Apps can look, never change anything." },
  { value: "write", label: "Read and write", hint: "Apps can add and change records, but not void invoices or delete time." },
  { value: "admin", label: "Admin", hint: "Everything a connection can be granted, including voiding invoices and deleting time." },
] as const;

/** The workspace's integration policy. Changes apply to existing connections on their next request. */
export function PolicyForm({ action, values }: { action: (prev: ActionState, form: FormData) => Promise<ActionState>; values: PolicyValues }) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  const [clientPolicy, setClientPolicy] = useState(values.clientPolicy);

  return (
    <form {...formProps} noValidate className="space-y-6" aria-label="Integration policy">
      <CheckboxField
        id="policy-public-api-access"
        name="publicApiAccess"
        label="Allow API and AI assistant access"
        hint="Off: every connection into this workspace is refused, and no new ones can be approved."
        defaultChecked={values.publicApiAccess}
      />

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Which apps may connect</legend>
        <div className="mt-2 space-y-2">
          {CLIENT_CHOICES.map((choice) => (
            <RadioField
              key={choice.value}
              id={`policy-client-${choice.value}`}
              name="clientPolicy"
              value={choice.value}
              label={choice.label}
              hint={choice.hint}
              checked={clientPolicy === choice.value}
              onChange={() => setClientPolicy(choice.value)}
            />
          ))}
        </div>
      </fieldset>

      <TextareaField
        id="policy-allowed-hosts"
        name="allowedHosts"
        label="Allowed hosts"
        hint={clientPolicy === "allowlist" ? "One host per line, like claude.ai or chatgpt.com." : "Used when only apps from listed hosts may connect. One host per line."}
        rows={4}
        defaultValue={values.allowedHosts.join("\n")}
        error={fieldErrors.error("Allowed hosts", "allowedHosts")}
        className="font-mono"
      />

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Highest access a connection gets</legend>
        <p className="text-xs text-slate-500">Whatever an app was approved for, it never gets more than this.</p>
        <div className="mt-2 space-y-2">
          {ACCESS_CHOICES.map((choice) => (
            <RadioField
              key={choice.value}
              id={`policy-access-${choice.value}`}
              name="maxAccess"
              value={choice.value}
              label={choice.label}
              hint={choice.hint}
              defaultChecked={values.maxAccess === choice.value}
            />
          ))}
        </div>
      </fieldset>

      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Ask the person in Hourbook first</legend>
        <p className="text-xs text-slate-500">
          Before an app does one of these, the member who connected it approves that exact action under Account → Approvals. Unticked, the
          app only needs its own confirmation.
        </p>
        <div className="mt-2 space-y-2">
          {APPROVAL_OPERATION_NAMES.map((operation) => (
            <CheckboxField
              key={operation}
              id={`policy-approval-${operation}`}
              name="approvalOperations"
              value={operation}
              label={APPROVAL_OPERATIONS[operation]}
              defaultChecked={values.approvalOperations.includes(operation)}
            />
          ))}
        </div>
      </fieldset>

      <FormMessage state={state} shownAt={fieldErrors.shown} testId="policy-message" />
      <SubmitButton pendingLabel="Saving…">Save policy</SubmitButton>
    </form>
  );
}

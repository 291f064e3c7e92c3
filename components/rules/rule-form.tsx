"use client";
import { useState } from "react";
import { CheckboxField, InputField, SelectField, SelectOptions } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SaveOrCancel } from "@/components/ui/save-or-cancel";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { ROUNDING_DIRECTIONS, RULE_KINDS, type RuleKindName } from "@/lib/web/rule-form";
import { useFormAction } from "@/lib/web/use-form-action";

export interface RuleFormValues {
  id?: string;
  name: string;
  kind: RuleKindName;
  active: boolean;
  place: string;
  membershipId: string;
  roundingIncrementMinutes: string;
  roundingDirection: string;
  minimumMinutes: string;
  hourlyRate: string;
}

export interface ScopeOptions {
  clients: { id: string; name: string; archived: boolean }[];
  projects: { id: string; name: string; archived: boolean; client: { id: string; name: string } }[];
  members: { id: string; name: string; role: string }[];
}

const KIND_HINTS: Record<RuleKindName, string> = {
  rounding: "Each entry's billable time is rounded to the increment when it is billed.",
  minimum_duration: "Short entries are billed as at least this long.",
  rate_override: "Entries saved from now on record this hourly rate; time already tracked keeps its rate.",
};

/** Create or edit a billing rule: what it does, and to which work it applies. */
export function RuleForm({
  action,
  values,
  scope,
  currency,
  cancelHref,
  submitLabel,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: RuleFormValues;
  scope: ScopeOptions;
  currency: string;
  cancelHref: string;
  submitLabel: string;
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  const [kind, setKind] = useState<RuleKindName>(values.kind);
  const editing = Boolean(values.id);
  const projectsByClient = scope.clients
    .map((client) => ({ client, projects: scope.projects.filter((p) => p.client.id === client.id) }))
    .filter((group) => group.projects.length);

  return (
    <form {...formProps} className="space-y-6">
      {values.id ? <input type="hidden" name="id" value={values.id} /> : null}

      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">What the rule does</legend>
        <div className="grid gap-4 sm:grid-cols-2">
          <InputField id="name" label="Name" required defaultValue={values.name} placeholder="e.g. Round up to 15 minutes" error={fieldErrors.error("Name", "name")} />
          {editing ? (
            <div className="space-y-1">
              <input type="hidden" name="kind" value={kind} />
              <p className="text-sm font-medium text-slate-800">Kind</p>
              <p className="rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700 ring-1 ring-inset ring-slate-200">
                {RULE_KINDS.find((k) => k.value === kind)?.label}
              </p>
              <p className="text-xs text-slate-500">A rule&apos;s kind is fixed; add a new rule for another kind.</p>
            </div>
          ) : (
            <SelectField id="kind" label="Kind" value={kind} onChange={(e) => setKind(e.target.value as RuleKindName)} hint={KIND_HINTS[kind]} error={fieldErrors.error("Kind", "kind")}>
              <SelectOptions choices={RULE_KINDS} />
            </SelectField>
          )}
        </div>

        {kind === "rounding" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              id="roundingIncrementMinutes"
              label="Round to (minutes)"
              inputMode="numeric"
              required
              defaultValue={values.roundingIncrementMinutes}
              hint="Between 1 and 240 minutes, e.g. 15."
              error={fieldErrors.error("Increment", "roundingIncrementMinutes", "roundingIncrementSeconds")}
            />
            <SelectField id="roundingDirection" label="Direction" defaultValue={values.roundingDirection || "up"} error={fieldErrors.error("Direction", "roundingDirection")}>
              <SelectOptions choices={ROUNDING_DIRECTIONS} />
            </SelectField>
          </div>
        ) : null}
        {kind === "minimum_duration" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              id="minimumMinutes"
              label="Minimum per entry (minutes)"
              inputMode="numeric"
              required
              defaultValue={values.minimumMinutes}
              hint="Between 1 and 480 minutes, e.g. 30."
              error={fieldErrors.error("Minimum", "minimumMinutes", "minimumSeconds")}
            />
          </div>
        ) : null}
        {kind === "rate_override" ? (
          <div className="grid gap-4 sm:grid-cols-2">
            <InputField
              id="hourlyRate"
              label={`Hourly rate (${currency})`}
              inputMode="decimal"
              required
              defaultValue={values.hourlyRate}
              placeholder="120.00"
              hint={editing ? KIND_HINTS.rate_override : undefined}
              error={fieldErrors.error("Hourly rate", "hourlyRate")}
            />
          </div>
        ) : null}
      </fieldset>

      <fieldset className="space-y-4 border-t border-slate-100 pt-5">
        <legend className="sr-only">Where the rule applies</legend>
        <p className="text-sm font-semibold text-slate-900">Where it applies</p>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField
            id="place"
            label="Applies to"
            defaultValue={values.place}
            hint="A project rule outranks a client rule, which outranks a workspace rule."
            error={fieldErrors.error("Applies to", "place", "projectId", "clientId")}
          >
            <option value="">The whole workspace</option>
            <optgroup label="A client (all its projects)">
              {scope.clients.map((client) => (
                <option key={client.id} value={`client:${client.id}`}>
                  {client.name}
                  {client.archived ? " (archived)" : ""}
                </option>
              ))}
            </optgroup>
            {projectsByClient.map(({ client, projects }) => (
              <optgroup key={client.id} label={`A project of ${client.name}`}>
                {projects.map((project) => (
                  <option key={project.id} value={`project:${project.id}`}>
                    {project.name}
                    {project.archived ? " (archived)" : ""}
                  </option>
                ))}
              </optgroup>
            ))}
          </SelectField>
          <SelectField
            id="membershipId"
            label="Member"
            defaultValue={values.membershipId}
            hint="Limit the rule to one person's time; a member rule outranks the same rule for everyone."
            error={fieldErrors.error("Member", "membershipId")}
          >
            <option value="">Everyone</option>
            {scope.members.map((member) => (
              <option key={member.id} value={member.id}>
                {member.name}
              </option>
            ))}
          </SelectField>
        </div>
        <CheckboxField id="active" label="Rule is on" defaultChecked={values.active} hint="Rules that are off are kept but never applied." />
      </fieldset>

      <FormMessage state={state} shownAt={fieldErrors.shown} testId="rule-message" />
      <SaveOrCancel submitLabel={submitLabel} cancelHref={cancelHref} />
    </form>
  );
}

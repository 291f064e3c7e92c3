"use client";
import { InputField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import type { AdjustmentFields } from "@/lib/web/invoice-adjustment-fields";
import { useFormAction } from "@/lib/web/use-form-action";
import { InvoiceAdjustmentFields } from "./invoice-adjustment-fields";

const ADJUSTMENT_LABELS: Record<string, string> = {
  tax1Label: "Tax 1 name",
  tax1Rate: "Tax 1 rate",
  tax2Label: "Tax 2 name",
  tax2Rate: "Tax 2 rate",
  discountLabel: "Discount name",
  discountValue: "Discount",
  taxNote: "Tax note",
};

/** A draft's dates, notes, taxes, discount, tax note and line descriptions; totals are recomputed on save. */
export function EditDraftForm({
  action,
  values,
  lines,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  values: AdjustmentFields & { issueDate: string; dueDate: string; notes: string };
  lines: { id: string; description: string }[];
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  const errors = Object.fromEntries(Object.entries(ADJUSTMENT_LABELS).map(([name, label]) => [name, fieldErrors.error(label, name)]));
  return (
    <form {...formProps} className="space-y-5" aria-label="Edit draft">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <InputField id="issueDate" label="Issue date" type="date" required defaultValue={values.issueDate} error={fieldErrors.error("Issue date", "issueDate")} />
        <InputField id="dueDate" label="Due date" type="date" required defaultValue={values.dueDate} error={fieldErrors.error("Due date", "dueDate")} />
        <TextareaField
          id="notes"
          label="Notes on the invoice"
          defaultValue={values.notes}
          error={fieldErrors.error("Notes", "notes")}
          fieldClassName="sm:col-span-2 lg:col-span-4"
          rows={2}
        />
        <InvoiceAdjustmentFields values={values} errors={errors} />
      </div>
      {lines.length ? (
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-semibold text-slate-800">Line descriptions</legend>
          {lines.map((line, i) => (
            <div key={line.id}>
              <input type="hidden" name="lineId" value={line.id} />
              <InputField
                id={`line-${line.id}`}
                name="lineDescription"
                label={`Line ${i + 1}`}
                required
                maxLength={500}
                defaultValue={line.description}
                error={fieldErrors.message(`lines.${i}.description`, `lines.${i}.id`)}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="edit-draft-message" />
      <SubmitButton pendingLabel="Saving…">Save draft</SubmitButton>
    </form>
  );
}

/** Re-pulls the draft's time: its entries are released and the client's unbilled time in the range is billed again. */
export function RepullTimeForm({
  action,
  from,
  to,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  from: string;
  to: string;
}) {
  const { state, formProps } = useFormAction(action);
  const fieldErrors = formFieldErrors(state);
  return (
    <form {...formProps} className="space-y-4" aria-label="Re-pull time">
      <p className="text-sm text-slate-600">
        Releases the time this draft holds and bills the client&apos;s unbilled billable time between these dates again, at current
        rates. The number stays; the lines are rebuilt, so edited line descriptions are replaced.
      </p>
      <div className="grid gap-4 sm:grid-cols-2">
        <InputField id="from" label="Time from" type="date" required defaultValue={from} error={fieldErrors.error("Time from", "refreshTime.from", "from")} />
        <InputField id="to" label="Time to" type="date" required defaultValue={to} error={fieldErrors.error("Time to", "refreshTime.to", "to")} />
      </div>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="repull-message" />
      <SubmitButton variant="secondary" pendingLabel="Re-pulling…">
        Re-pull time
      </SubmitButton>
    </form>
  );
}

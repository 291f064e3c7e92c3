import { Button } from "@/components/ui/button";
import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import type { PlanFields } from "@/lib/web/invoice-plan-fields";
import { InvoiceAdjustmentFields } from "./invoice-adjustment-fields";

/**
 * What to bill: client, period, grouping, dates, notes, taxes, discount and tax note. A GET form, so every
 * preview has its own URL (bookmarkable, and the browser's back button works).
 */
export function InvoicePlanForm({
  action,
  clients,
  values,
  errors,
  paymentTermsDays,
}: {
  action: string;
  clients: { id: string; name: string }[];
  values: PlanFields;
  errors: Record<string, string>;
  paymentTermsDays: number;
}) {
  return (
    <form method="get" action={action} className="space-y-5" aria-label="Invoice details">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <SelectField id="clientId" label="Client" required defaultValue={values.clientId ?? ""} error={errors.clientId} fieldClassName="sm:col-span-2">
          <option value="" disabled>
            Choose a client…
          </option>
          {clients.map((client) => (
            <option key={client.id} value={client.id}>
              {client.name}
            </option>
          ))}
        </SelectField>
        <InputField id="from" label="Time from" type="date" required defaultValue={values.from} error={errors.from} />
        <InputField id="to" label="Time to" type="date" required defaultValue={values.to} error={errors.to} />
        <SelectField id="grouping" label="Lines" defaultValue={values.grouping ?? "project"} error={errors.grouping} hint="Split further by hourly rate.">
          <option value="project">One line per project</option>
          <option value="task">One line per task</option>
        </SelectField>
        <InputField id="issueDate" label="Issue date" type="date" defaultValue={values.issueDate} error={errors.issueDate} hint="Empty means today." />
        <InputField
          id="dueDate"
          label="Due date"
          type="date"
          defaultValue={values.dueDate}
          error={errors.dueDate}
          hint={`Empty means ${paymentTermsDays} days after the issue date.`}
        />
        <TextareaField
          id="notes"
          label="Notes on the invoice"
          defaultValue={values.notes}
          error={errors.notes}
          placeholder="Payment details, thanks, purchase order number…"
          fieldClassName="sm:col-span-2 lg:col-span-4"
          rows={2}
        />
        <InvoiceAdjustmentFields values={values} errors={errors} />
      </div>
      <div className="flex items-center gap-3">
        <Button type="submit">Preview</Button>
        <p className="text-xs text-slate-500">Nothing is created until you confirm the preview.</p>
      </div>
    </form>
  );
}

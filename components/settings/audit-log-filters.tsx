import { Button, ButtonLink } from "@/components/ui/button";
import { InputField, SelectField } from "@/components/ui/field";
import type { AuditFilterOptions } from "@/lib/domain/audit/list-audit-filter-options";

export interface AuditFilterValues {
  who?: string;
  what?: string;
  from?: string;
  to?: string;
}

/**
 * The audit log's filters as a GET form (the filter lives in the URL, so a filtered view can be
 * bookmarked and exported): who, what (a category or one event type), and dates in `timeZone`.
 */
export function AuditLogFilters({
  options,
  values,
  timeZone,
  action,
  exportHref,
  errors,
}: {
  options: AuditFilterOptions;
  values: AuditFilterValues;
  timeZone: string;
  action: string;
  exportHref: string;
  errors: Record<string, string>;
}) {
  return (
    <form method="get" action={action} aria-label="Filter the audit log" className="flex flex-wrap items-end gap-3 rounded-xl bg-white p-4 shadow-sm ring-1 ring-slate-200">
      <SelectField id="audit-who" name="who" label="Who" defaultValue={values.who ?? ""} fieldClassName="min-w-0 basis-40 flex-1" error={errors.who}>
        <option value="">Anyone</option>
        {options.people.map((p) => (
          <option key={p.userId} value={p.userId}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <SelectField id="audit-what" name="what" label="What" defaultValue={values.what ?? ""} fieldClassName="min-w-0 basis-52 flex-1" error={errors.what}>
        <option value="">Everything</option>
        {options.categories.map((c) => (
          <optgroup key={c.value} label={c.label}>
            <option value={c.value}>All: {c.label}</option>
            {c.types.map((t) => (
              <option key={t.value} value={t.value}>
                {t.label}
              </option>
            ))}
          </optgroup>
        ))}
      </SelectField>
      <InputField id="audit-from" name="from" label="From" type="date" defaultValue={values.from ?? ""} fieldClassName="basis-36" error={errors.from} />
      <InputField id="audit-to" name="to" label="To" type="date" defaultValue={values.to ?? ""} fieldClassName="basis-36" error={errors.to} hint={`Dates in ${timeZone}`} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" variant="secondary">
          Filter
        </Button>
        <ButtonLink href={exportHref} variant="ghost" data-testid="audit-export">
          Export CSV
        </ButtonLink>
      </div>
    </form>
  );
}

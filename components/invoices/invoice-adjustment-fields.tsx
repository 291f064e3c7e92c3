import { InputField, SelectField, TextareaField } from "@/components/ui/field";
import type { AdjustmentFields } from "@/lib/web/invoice-adjustment-fields";

/**
 * Two named tax rows (label + rate %), a discount (percent or amount) and the tax note, for the
 * new-invoice form and the draft editor. Each tax is computed on the subtotal less the discount.
 */
export function InvoiceAdjustmentFields({ values, errors }: { values: AdjustmentFields; errors: Record<string, string | undefined> }) {
  return (
    <fieldset className="grid gap-4 sm:col-span-2 sm:grid-cols-2 lg:col-span-4 lg:grid-cols-4">
      <legend className="mb-2 text-sm font-semibold text-slate-800">Taxes and discount</legend>
      {([1, 2] as const).map((row) => (
        <div key={row} className="contents">
          <InputField
            id={`tax${row}Label`}
            label={`Tax ${row} name`}
            placeholder={row === 1 ? "VAT" : "PST"}
            maxLength={40}
            defaultValue={values[`tax${row}Label`]}
            error={errors[`tax${row}Label`]}
          />
          <InputField
            id={`tax${row}Rate`}
            label={`Tax ${row} rate (%)`}
            inputMode="decimal"
            placeholder={row === 1 ? "20" : ""}
            defaultValue={values[`tax${row}Rate`]}
            error={errors[`tax${row}Rate`]}
            hint={row === 1 ? "Optional, e.g. 20 or 7.5." : "Optional second tax, e.g. GST + PST."}
          />
        </div>
      ))}
      <InputField id="discountLabel" label="Discount name" placeholder="Discount" maxLength={40} defaultValue={values.discountLabel} error={errors.discountLabel} />
      <SelectField id="discountKind" label="Discount as" defaultValue={values.discountKind ?? "percent"} error={errors.discountKind}>
        <option value="percent">Percent of the subtotal</option>
        <option value="amount">Fixed amount</option>
      </SelectField>
      <InputField
        id="discountValue"
        label="Discount"
        inputMode="decimal"
        placeholder="0"
        defaultValue={values.discountValue}
        error={errors.discountValue}
        hint="Optional; taken off before tax."
        fieldClassName="sm:col-span-2"
      />
      <TextareaField
        id="taxNote"
        label="Tax note"
        defaultValue={values.taxNote}
        error={errors.taxNote}
        placeholder="Reverse charge: VAT to be accounted for by the recipient."
        maxLength={500}
        fieldClassName="sm:col-span-2 lg:col-span-4"
        rows={2}
      />
    </fieldset>
  );
}

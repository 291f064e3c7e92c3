"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { InputField, RadioField, TextareaField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formatMoney } from "@/lib/domain/money";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * Issuing a credit note against a sent or paid invoice: in full (every line, discount and tax
 * negated; a full credit releases the invoice's time) or in part (one or more fixed amounts before
 * tax, the invoice's taxes added). Asks before it issues: the credit note goes to the client.
 */
export function CreditNoteForm({
  action,
  invoiceId,
  label,
  currency,
  creditable,
  taxRate,
  fullAvailable,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  label: string;
  currency: string;
  /** Minor units still creditable, tax included. */
  creditable: number;
  /** Basis points: the invoice's taxes together, added to partial lines. */
  taxRate: number;
  /** Whether nothing was credited yet (a full credit is then possible). */
  fullAvailable: boolean;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const fieldErrors = formFieldErrors(state);
  const [mode, setMode] = useState<"full" | "partial">(fullAvailable ? "full" : "partial");
  const [rows, setRows] = useState(1);
  const money = (amount: number) => formatMoney(amount, currency);
  return (
    <div className="space-y-3">
      <DangerConfirm
        tone="warning"
        openLabel="Issue credit note…"
        formLabel={`Issue a credit note for ${label}`}
        confirmLabel="Issue credit note"
        pendingLabel="Issuing…"
        pending={pending}
        done={state.status === "success"}
        onSubmit={onSubmit}
      >
        <input type="hidden" name="invoiceId" value={invoiceId} />
        <fieldset className="space-y-2">
          <legend className="sr-only">How much to credit</legend>
          {fullAvailable ? (
            <RadioField
              id="credit-full"
              name="mode"
              value="full"
              checked={mode === "full"}
              onChange={() => setMode("full")}
              label={`The whole invoice (${money(creditable)})`}
              hint="Cancels every line and tax; its time becomes unbilled again."
            />
          ) : null}
          <RadioField
            id="credit-partial"
            name="mode"
            value="partial"
            checked={mode === "partial"}
            onChange={() => setMode("partial")}
            label="Part of it"
            hint={`Amounts before tax${taxRate ? ` (${(taxRate / 100).toFixed(2).replace(/\.?0+$/, "")} % tax is added)` : ""}; at most ${money(creditable)} with tax.`}
          />
        </fieldset>
        {mode === "partial" ? (
          <div className="space-y-2">
            {Array.from({ length: rows }, (_, i) => (
              <div key={i} className="grid grid-cols-[1fr_8rem] gap-2">
                <InputField id={`lineDescription-${i}`} name="lineDescription" label={`Line ${i + 1}`} placeholder="What is credited" required error={fieldErrors.error("Description", `lines.${i}.description`)} />
                <InputField id={`lineAmount-${i}`} name="lineAmount" label={`Amount (${currency})`} inputMode="decimal" required error={fieldErrors.error("Amount", `lines.${i}.amount`)} />
              </div>
            ))}
            <Button variant="secondary" size="sm" onClick={() => setRows(rows + 1)} disabled={rows >= 20}>
              Add a line
            </Button>
            {fieldErrors.error("Lines", "lines") ? <p className="text-sm text-rose-700">{fieldErrors.error("Lines", "lines")}</p> : null}
          </div>
        ) : null}
        <TextareaField id="credit-reason" name="reason" label="Reason (printed on the credit note, optional)" rows={2} maxLength={2_000} />
        <p>The credit note gets its own number and is sent to the client at once. This cannot be undone.</p>
      </DangerConfirm>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="credit-note-message" />
    </div>
  );
}

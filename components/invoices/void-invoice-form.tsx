"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

/** Voiding asks for confirmation first: the invoice keeps its number and its time is billable again. */
export function VoidInvoiceForm({
  action,
  invoiceId,
  label,
  entryCount,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  label: string;
  entryCount: number;
}) {
  const { state, formProps } = useFormAction(action);
  const [confirming, setConfirming] = useState(false);

  if (!confirming) {
    return (
      <div className="space-y-3">
        <FormMessage state={state} testId="void-message" />
        <Button variant="secondary" onClick={() => setConfirming(true)} className="text-rose-700">
          Void invoice…
        </Button>
      </div>
    );
  }
  return (
    <form {...formProps} className="space-y-3 rounded-lg bg-rose-50 p-4 ring-1 ring-rose-200">
      <input type="hidden" name="invoiceId" value={invoiceId} />
      <p className="text-sm text-rose-900">
        <strong>Void {label}?</strong> It keeps its number but owes nothing, and its {entryCount} time{" "}
        {entryCount === 1 ? "entry becomes" : "entries become"} unbilled again, ready for a new invoice. This cannot be undone.
      </p>
      <FormMessage state={state} testId="void-message" />
      <div className="flex gap-2">
        <SubmitButton variant="danger" pendingLabel="Voiding…">
          Confirm void
        </SubmitButton>
        <Button variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
      </div>
    </form>
  );
}

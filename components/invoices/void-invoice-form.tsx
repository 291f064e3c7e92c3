"use client";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";

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
  const { state, pending, onSubmit } = useKeptForm(action);

  return (
    <div className="space-y-3">
      <DangerConfirm
        openLabel="Void invoice…"
        formLabel={`Void ${label}`}
        confirmLabel="Confirm void"
        pendingLabel="Voiding…"
        pending={pending}
        done={state.status === "success"}
        onSubmit={onSubmit}
      >
        <input type="hidden" name="invoiceId" value={invoiceId} />
        <p>
          <strong>Void {label}?</strong> It keeps its number but owes nothing, and its {entryCount} time{" "}
          {entryCount === 1 ? "entry becomes" : "entries become"} unbilled again, ready for a new invoice. This cannot be undone.
        </p>
      </DangerConfirm>
      <FormMessage state={state} testId="void-message" />
    </div>
  );
}

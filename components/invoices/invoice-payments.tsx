"use client";
import { DangerConfirm } from "@/components/ui/danger-confirm";
import { InputField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { formatIsoDate } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import type { ActionState } from "@/lib/web/action-state";
import { paymentMethodLabel } from "@/lib/web/invoice-status";
import { useKeptForm } from "@/lib/web/use-kept-form";

interface Payment {
  id: string;
  amount: number;
  paidOn: string;
  method: string;
  reference: string;
  recordedBy: string;
}

/**
 * The payments recorded on an invoice, each with who recorded it; with `removeAction` (owners and
 * admins) each can be removed after a confirm step that says what happens to the balance.
 */
export function InvoicePayments({
  invoiceId,
  label,
  currency,
  payments,
  removeAction,
}: {
  invoiceId: string;
  label: string;
  currency: string;
  payments: Payment[];
  removeAction: ((prev: ActionState, form: FormData) => Promise<ActionState>) | null;
}) {
  if (!payments.length) return <p className="text-sm text-slate-500">No payments recorded.</p>;
  return (
    <ul className="divide-y divide-slate-100" aria-label={`Payments on ${label}`}>
      {payments.map((payment) => (
        <li key={payment.id} className="space-y-2 py-3 first:pt-0 last:pb-0" data-testid="payment">
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <div>
              <p className="font-medium tabular-nums text-slate-900">{formatMoney(payment.amount, currency)}</p>
              <p className="text-xs text-slate-500">
                {formatIsoDate(payment.paidOn, "d MMM yyyy")} · {paymentMethodLabel(payment.method)}
                {payment.reference ? ` · ${payment.reference}` : ""} · recorded by {payment.recordedBy}
              </p>
            </div>
          </div>
          {removeAction ? <RemovePaymentForm action={removeAction} invoiceId={invoiceId} label={label} currency={currency} payment={payment} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RemovePaymentForm({
  action,
  invoiceId,
  label,
  currency,
  payment,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  invoiceId: string;
  label: string;
  currency: string;
  payment: Payment;
}) {
  const { state, pending, onSubmit } = useKeptForm(action);
  const amount = formatMoney(payment.amount, currency);
  return (
    <div className="space-y-2">
      <DangerConfirm
        size="sm"
        openVariant="ghost"
        openLabel={`Remove ${amount} payment…`}
        formLabel={`Remove the ${amount} payment from ${label}`}
        confirmLabel="Remove payment"
        pendingLabel="Removing…"
        pending={pending}
        done={state.status === "success"}
        onSubmit={onSubmit}
      >
        <input type="hidden" name="invoiceId" value={invoiceId} />
        <input type="hidden" name="paymentId" value={payment.id} />
        <p>
          <strong>Remove this payment?</strong> {label}&apos;s balance goes back up by {amount}; if it was paid in full it is sent again. The
          removal is kept in the audit log.
        </p>
        <InputField id={`reason-${payment.id}`} name="reason" label="Reason (optional)" placeholder="e.g. recorded twice" maxLength={500} />
      </DangerConfirm>
      <FormMessage state={state} testId="remove-payment-message" />
    </div>
  );
}

import { When } from "@/components/integrations/when";
import type { InvoiceDetail } from "@/lib/domain/invoices/invoice-view";

const KIND_LABEL: Record<InvoiceDetail["deliveries"][number]["kind"], string> = { invoice: "Invoice", reminder: "Reminder", credit_note: "Credit note", invitation: "Invitation", password_reset: "Password reset" };

/**
 * What sending produced: Hourbook has no mail server, so the rendered message is kept here
 * verbatim, with the PDF it carried (served as stored from `{invoicePath}/outbox/{id}/pdf`).
 * `timeZone`: the viewer's, for when each was kept.
 */
export function OutboxMessages({ deliveries, timeZone, invoicePath }: { deliveries: InvoiceDetail["deliveries"]; timeZone: string; invoicePath: string }) {
  return (
    <ul className="space-y-4">
      {deliveries.map((message) => (
        <li key={message.id} className="overflow-hidden rounded-lg ring-1 ring-slate-200" data-testid="outbox-message">
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-0.5 bg-slate-50 px-4 py-3 text-sm">
            <dt className="text-slate-500">Kind</dt>
            <dd className="text-slate-900">{KIND_LABEL[message.kind]}</dd>
            <dt className="text-slate-500">To</dt>
            <dd className="text-slate-900">{message.toAddress}</dd>
            <dt className="text-slate-500">Subject</dt>
            <dd className="font-medium text-slate-900">{message.subject}</dd>
            <dt className="text-slate-500">Kept</dt>
            <dd className="text-slate-700">
              <When at={message.createdAt} timeZone={timeZone} />
            </dd>
            {message.attachmentName ? (
              <>
                <dt className="text-slate-500">Attached</dt>
                <dd>
                  <a
                    href={`${invoicePath}/outbox/${message.id}/pdf`}
                    download={message.attachmentName}
                    className="font-medium text-indigo-700 underline-offset-2 hover:underline"
                    data-testid="outbox-attachment"
                  >
                    {message.attachmentName}
                  </a>
                </dd>
              </>
            ) : null}
          </dl>
          <pre className="overflow-x-auto whitespace-pre-wrap border-t border-slate-200 bg-white px-4 py-3 font-mono text-xs leading-relaxed text-slate-700">
            {message.body}
          </pre>
        </li>
      ))}
    </ul>
  );
}

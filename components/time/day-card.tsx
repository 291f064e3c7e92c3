import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { cx } from "@/components/ui/cx";
import type { ActionState } from "@/lib/web/action-state";
import { ContinueButton } from "@/components/timer/continue-button";
import { EntryActions } from "./entry-actions";
import type { EntryRow } from "./types";

/** One day of the week: its entries in the order they started, and the day's total. */
export function DayCard({
  heading,
  isToday,
  total,
  entries,
  editHref,
  invoiceHref,
  deleteAction,
  returnWeek,
  returnMember,
  continueAction,
}: {
  heading: string;
  isToday: boolean;
  total: string;
  entries: EntryRow[];
  editHref: (entryId: string) => string;
  invoiceHref: ((invoiceId: string) => string) | null;
  deleteAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  returnWeek: string;
  returnMember?: string;
  /** Starts a timer like an entry ("Continue"), offered on entries with `canContinue`. */
  continueAction?: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const headingId = `day-${heading.replace(/\W+/g, "-").toLowerCase()}`;
  return (
    <section aria-labelledby={headingId} className={cx("rounded-xl bg-white shadow-sm ring-1", isToday ? "ring-indigo-300" : "ring-slate-200")}>
      <header
        className={cx(
          "flex items-center justify-between gap-3 px-5 py-3",
          entries.length > 0 && "border-b",
          isToday ? "rounded-t-xl border-indigo-100 bg-indigo-50/50" : "border-slate-100",
          isToday && entries.length === 0 && "rounded-b-xl",
        )}
      >
        <h2 id={headingId} className="flex items-center gap-2 text-sm font-semibold text-slate-900">
          {heading}
          {isToday ? <Badge tone="indigo">Today</Badge> : null}
        </h2>
        <p className="text-sm text-slate-500">
          {entries.length === 0 ? <span className="mr-3 text-slate-500">No time tracked</span> : null}
          <span className="sr-only">Day total: </span>
          <span className={cx("font-semibold tabular-nums", entries.length ? "text-slate-900" : "text-slate-500")}>{total}</span>
        </p>
      </header>
      {entries.length === 0 ? null : (
        <ul className="divide-y divide-slate-100">
          {entries.map((entry) => {
            const summary = `${entry.duration} on ${entry.projectName}, ${heading} ${entry.timeRange.slice(0, 5)}`;
            return (
              <li key={entry.id} className="grid grid-cols-[5.5rem_1fr] gap-x-4 gap-y-2 px-5 py-3 sm:grid-cols-[6.5rem_1fr_auto]" data-testid="time-entry">
                <div>
                  <p className="text-base font-semibold tabular-nums text-slate-900">{entry.duration}</p>
                  <p className="text-xs tabular-nums text-slate-500">{entry.timeRange}</p>
                </div>
                <div className="min-w-0">
                  <p className="text-sm">
                    <span className="font-medium text-slate-900">{entry.projectName}</span>
                    <span className="text-slate-500"> · {entry.clientName}</span>
                    {entry.taskName ? <span className="text-slate-500"> · {entry.taskName}</span> : null}
                  </p>
                  {entry.description ? <p className="mt-0.5 break-words text-sm text-slate-700">{entry.description}</p> : <p className="mt-0.5 text-sm italic text-slate-500">No description</p>}
                  <div className="mt-1.5 flex flex-wrap items-center gap-1.5">
                    {entry.memberName ? <span className="mr-1 text-xs font-medium text-slate-600">{entry.memberName}</span> : null}
                    {entry.billable ? <Badge tone="green">Billable</Badge> : <Badge tone="gray">Non-billable</Badge>}
                    {entry.invoice ? (
                      <Badge tone="indigo">
                        Invoiced ·{" "}
                        {invoiceHref ? (
                          <Link href={invoiceHref(entry.invoice.id)} className="ml-1 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-600">
                            {entry.invoice.label}
                          </Link>
                        ) : (
                          <span className="ml-1">{entry.invoice.label}</span>
                        )}
                      </Badge>
                    ) : null}
                    {entry.tags.map((tag) => (
                      <span key={tag} className="rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-600">
                        #{tag}
                      </span>
                    ))}
                  </div>
                </div>
                <div className="col-span-2 flex items-start justify-end gap-1 sm:col-span-1">
                  {continueAction && entry.canContinue ? <ContinueButton entryId={entry.id} summary={summary} action={continueAction} /> : null}
                  {entry.invoice ? (
                    <p className="max-w-[16rem] text-right text-xs text-slate-500" data-testid="locked-entry">
                      <span className="font-medium text-slate-600">Locked.</span> {entry.invoice.locked}
                    </p>
                  ) : (
                    <EntryActions
                      entryId={entry.id}
                      summary={summary}
                      editHref={editHref(entry.id)}
                      deleteAction={deleteAction}
                      returnWeek={returnWeek}
                      returnMember={returnMember}
                    />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

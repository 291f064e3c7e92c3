/** Which rule wins, in one sentence, after lib/domain/billing/rule-precedence.ts. */
export function PrecedenceNote() {
  return (
    <div className="rounded-xl bg-white px-5 py-4 text-sm text-slate-600 shadow-sm ring-1 ring-slate-200" data-testid="precedence-note">
      <p>
        <span className="font-semibold text-slate-900">Which rule wins:</span> when several rules of the same kind match an entry, the most
        specific one applies —{" "}
        <span className="font-medium text-slate-800 sm:whitespace-nowrap">project + member › project › client + member › client › member › whole workspace</span>{" "}
        (a project&apos;s own rate counts as a project rule; between equally specific rules the newest wins).
      </p>
      <p className="mt-1 text-xs text-slate-500">
        Rounding is applied to each entry first, then the minimum. Rate overrides set the rate an entry records when it is saved.
      </p>
    </div>
  );
}

import Link from "next/link";
import type { ActionState, ActionWarning } from "@/lib/web/action-state";
import { bannerMessage } from "@/lib/web/field-error";
import { Alert } from "./alert";

/**
 * The outcome of a form's last submit: the domain's message, a confirmation, or what to confirm
 * before saving; then any warnings about what was saved. `shownAt`: the field errors the form
 * shows at its fields (formFieldErrors(state).shown); a refusal that only repeats them is not
 * said again here (bannerMessage).
 */
export function FormMessage({ state, testId = "form-message", shownAt }: { state: ActionState; testId?: string; shownAt?: Iterable<string> }) {
  if (state.status === "idle") return null;
  if (shownAt && bannerMessage(state, shownAt) === null) return null;
  return (
    <>
      <Alert tone={state.status === "error" ? "error" : state.status === "confirm" ? "warning" : "success"} testId={testId}>
        {state.message}
        {state.status === "confirm" && state.details.length ? (
          <ul className="mt-1 list-disc pl-5">
            {state.details.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        ) : null}
      </Alert>
      {state.status === "success" ? <ActionWarnings warnings={state.warnings} testId={`${testId}-warning`} /> : null}
    </>
  );
}

/** Warnings about something already saved (time counted twice…): what, one line per item, and a link to fix it. */
export function ActionWarnings({ warnings, testId = "form-warning" }: { warnings: ActionWarning[] | undefined; testId?: string }) {
  if (!warnings?.length) return null;
  return (
    <>
      {warnings.map((warning) => (
        <div key={warning.message} className="mt-2">
          <Alert tone="warning" testId={testId}>
            {warning.message}
            {warning.details.length ? (
              <ul className="mt-1 list-disc pl-5">
                {warning.details.map((line) => (
                  <li key={line}>{line}</li>
                ))}
              </ul>
            ) : null}
            {warning.link ? (
              <Link href={warning.link.href} className="mt-1 inline-block font-medium underline underline-offset-2">
                {warning.link.label}
              </Link>
            ) : null}
          </Alert>
        </div>
      ))}
    </>
  );
}

import { ButtonLink } from "./button";
import { SubmitButton } from "./submit-button";

/** The last row of a form on its own page: save, or leave for `cancelHref` without saving. */
export function SaveOrCancel({ submitLabel, cancelHref }: { submitLabel: string; cancelHref: string }) {
  return (
    <div className="flex items-center gap-2">
      <SubmitButton pendingLabel="Saving…">{submitLabel}</SubmitButton>
      <ButtonLink variant="ghost" href={cancelHref}>
        Cancel
      </ButtonLink>
    </div>
  );
}

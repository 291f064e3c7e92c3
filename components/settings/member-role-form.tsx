"use client";
import { SubmitButton } from "@/components/ui/submit-button";
import { cx } from "@/components/ui/cx";
import { inputClasses } from "@/components/ui/field";
import type { ActionState } from "@/lib/web/action-state";
import { useFormAction } from "@/lib/web/use-form-action";

const ROLE_LABELS = { owner: "Owner", admin: "Admin", member: "Member" } as const;

/** A member's role as a labelled select with its own "Change role" button; refusals show beside it. */
export function MemberRoleForm({
  action,
  membershipId,
  name,
  role,
  options,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  membershipId: string;
  name: string;
  role: keyof typeof ROLE_LABELS;
  options: Array<keyof typeof ROLE_LABELS>;
}) {
  const { state, formProps } = useFormAction(action);
  const id = `role-${membershipId}`;
  return (
    <form {...formProps} className="flex flex-wrap items-center gap-2 sm:flex-nowrap">
      <input type="hidden" name="membershipId" value={membershipId} />
      <label htmlFor={id} className="sr-only">
        Role for {name}
      </label>
      <select id={id} name="role" defaultValue={role} className={cx(inputClasses, "w-32! py-1.5 pr-8")}>
        {options.map((o) => (
          <option key={o} value={o}>
            {ROLE_LABELS[o]}
          </option>
        ))}
      </select>
      <SubmitButton size="sm" variant="secondary" pendingLabel="Saving…">
        Change role<span className="sr-only"> for {name}</span>
      </SubmitButton>
      {state.status !== "idle" ? (
        <p role="status" data-testid="member-role-message" className={`basis-full text-xs font-medium ${state.status === "error" ? "text-rose-700" : "text-emerald-700"}`}>
          {state.message}
        </p>
      ) : null}
    </form>
  );
}

"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { InputField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useKeptForm } from "@/lib/web/use-kept-form";

/** Creating a tag: one field; the name stays when refused (e.g. a duplicate). */
export function NewTagForm({ action }: { action: (prev: ActionState, form: FormData) => Promise<ActionState> }) {
  const [formKey, setFormKey] = useState(0);
  const { state, pending, onSubmit } = useKeptForm(action, { onSuccess: () => setFormKey((k) => k + 1) });
  const fieldErrors = formFieldErrors(state);
  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-3" aria-label="Create tag">
      <div className="flex items-start gap-2">
        <InputField id="new-tag-name" name="name" label="New tag" required maxLength={40} placeholder="e.g. research" fieldClassName="flex-1" error={fieldErrors.error("Tag name", "name")} />
        <Button type="submit" disabled={pending} className="mt-6 shrink-0">
          {pending ? "Creating…" : "Create tag"}
        </Button>
      </div>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="new-tag-message" />
    </form>
  );
}

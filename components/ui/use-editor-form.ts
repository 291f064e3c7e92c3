"use client";
import { useState } from "react";
import type { ActionState } from "@/lib/web/action-state";
import { useKeptForm } from "@/lib/web/use-kept-form";
import { useCloseEditor } from "./editable";

/**
 * Submitting a create-or-edit form. Inside an editor panel a success closes the panel; standing
 * alone, the form starts over blank for the next one (render it with `key={formKey}`), after
 * `onStartOver` has cleared any state of its own. Refused input stays as typed.
 */
export function useEditorForm(action: (prev: ActionState, form: FormData) => Promise<ActionState>, onStartOver?: () => void) {
  const close = useCloseEditor();
  const [formKey, setFormKey] = useState(0);
  const form = useKeptForm(action, {
    onSuccess: () => {
      if (close) return close();
      onStartOver?.();
      setFormKey((k) => k + 1);
    },
  });
  return { ...form, formKey };
}

"use client";
import { useState, type FormEvent } from "react";
import { InputField } from "@/components/ui/field";
import { MAX_LOGO_BYTES } from "@/lib/domain/workspaces/logo-limits";
import { FormMessage } from "@/components/ui/form-message";
import { SubmitButton } from "@/components/ui/submit-button";
import type { ActionState } from "@/lib/web/action-state";
import { fieldError } from "@/lib/web/field-error";
import { useFormAction } from "@/lib/web/use-form-action";

/** The current logo (or none), a file upload to replace it, and a button to remove it. */
export function LogoForm({
  logoUrl,
  uploadAction,
  removeAction,
}: {
  /** Where the current logo is served; null when there is none. */
  logoUrl: string | null;
  uploadAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
  removeAction: (prev: ActionState, form: FormData) => Promise<ActionState>;
}) {
  const upload = useFormAction(uploadAction);
  const remove = useFormAction(removeAction);
  // A file over the limit is refused here too: the server would refuse it the same way, but a
  // file of several MB would first hit the framework's request size limit, whose page says less.
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const onUpload = (event: FormEvent<HTMLFormElement>) => {
    const file = new FormData(event.currentTarget).get("logo");
    if (file instanceof File && file.size > MAX_LOGO_BYTES) {
      event.preventDefault();
      setTooLarge(`The logo must be at most 512 KB (this file is ${Math.ceil(file.size / 1024)} KB).`);
      return;
    }
    setTooLarge(null);
    upload.formProps.onSubmit(event);
  };
  return (
    <div className="space-y-4">
      <LogoPreview logoUrl={logoUrl} />
      <form {...upload.formProps} onSubmit={onUpload} encType="multipart/form-data" noValidate className="space-y-3" aria-label="Upload a logo">
        <InputField
          id="settings-logo"
          name="logo"
          type="file"
          label={logoUrl ? "Replace the logo" : "Logo image"}
          accept="image/png,image/jpeg"
          hint="PNG or JPEG, at most 512 KB. Printed at the top of new invoices."
          error={tooLarge ?? fieldError(upload.state, "The logo", "logo")}
          className="file:mr-3 file:rounded file:border-0 file:bg-slate-100 file:px-3 file:py-1 file:text-sm"
        />
        <FormMessage state={upload.state} testId="logo-message" />
        <SubmitButton pendingLabel="Uploading…">Upload logo</SubmitButton>
      </form>
      {logoUrl ? (
        <form {...remove.formProps} aria-label="Remove the logo" className="space-y-3">
          <p className="text-sm text-slate-500">Removing the logo leaves it on invoices already sent.</p>
          <FormMessage state={remove.state} testId="logo-remove-message" />
          <SubmitButton variant="secondary" pendingLabel="Removing…">
            Remove logo
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}

export function LogoPreview({ logoUrl }: { logoUrl: string | null }) {
  return logoUrl ? (
    // A plain img: the route answers for signed-in members only, which the image optimiser would not be.
    <img src={logoUrl} alt="Current logo" data-testid="logo-preview" className="max-h-24 max-w-xs rounded border border-slate-200 bg-white object-contain p-2" />
  ) : (
    <p className="text-sm text-slate-500" data-testid="logo-none">
      No logo: invoices print the business name only.
    </p>
  );
}

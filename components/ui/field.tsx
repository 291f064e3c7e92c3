import type { ComponentProps, ReactNode } from "react";
import { cx } from "./cx";

export const inputClasses =
  "block w-full rounded-md border-0 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-inset focus:ring-indigo-600 disabled:bg-slate-50 disabled:text-slate-500 aria-[invalid=true]:ring-rose-500";

/**
 * A labelled form control with its hint and error wired up for screen readers.
 * `children` receives the ids to put on the control.
 */
export function Field({
  id,
  label,
  hint,
  error,
  className,
  children,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  className?: string;
  children: (aria: { id: string; "aria-describedby"?: string; "aria-invalid"?: boolean }) => ReactNode;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={cx("space-y-1", className)}>
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-describedby": describedBy, "aria-invalid": error ? true : undefined })}
      {hint && !error ? (
        <p id={`${id}-hint`} className="text-xs text-slate-500">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} className="text-xs font-medium text-rose-600">
          {error}
        </p>
      ) : null}
    </div>
  );
}

type InputFieldProps = Omit<ComponentProps<"input">, "id"> & { id: string; label: string; hint?: string; error?: string; fieldClassName?: string };

export function InputField({ id, label, hint, error, fieldClassName, className, ...input }: InputFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      {(aria) => <input {...aria} name={input.name ?? id} className={cx(inputClasses, className)} {...input} />}
    </Field>
  );
}

type SelectFieldProps = Omit<ComponentProps<"select">, "id"> & { id: string; label: string; hint?: string; error?: string; fieldClassName?: string };

export function SelectField({ id, label, hint, error, fieldClassName, className, children, ...select }: SelectFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      {(aria) => (
        <select {...aria} name={select.name ?? id} className={cx(inputClasses, "pr-8", className)} {...select}>
          {children}
        </select>
      )}
    </Field>
  );
}

type TextareaFieldProps = Omit<ComponentProps<"textarea">, "id"> & { id: string; label: string; hint?: string; error?: string; fieldClassName?: string };

export function TextareaField({ id, label, hint, error, fieldClassName, className, ...textarea }: TextareaFieldProps) {
  return (
    <Field id={id} label={label} hint={hint} error={error} className={fieldClassName}>
      {(aria) => <textarea {...aria} name={textarea.name ?? id} rows={3} className={cx(inputClasses, className)} {...textarea} />}
    </Field>
  );
}

type ChoiceFieldProps = Omit<ComponentProps<"input">, "id" | "type"> & {
  id: string;
  label: ReactNode;
  hint?: string;
  fieldClassName?: string;
  /** "normal" for a long list of choices, where bold labels would shout. */
  labelWeight?: "medium" | "normal";
};

/** A checkbox with its label to the right. */
export function CheckboxField(props: ChoiceFieldProps) {
  return <ChoiceField type="checkbox" {...props} />;
}

/** A radio button with its label to the right. */
export function RadioField(props: ChoiceFieldProps) {
  return <ChoiceField type="radio" {...props} />;
}

function ChoiceField({ type, id, label, hint, fieldClassName, labelWeight = "medium", ...input }: ChoiceFieldProps & { type: "checkbox" | "radio" }) {
  return (
    <div className={cx("flex items-start gap-2", fieldClassName)}>
      <input
        type={type}
        id={id}
        name={input.name ?? id}
        className={cx("mt-0.5 h-4 w-4 border-slate-300 text-indigo-600 focus:ring-indigo-600", type === "checkbox" && "rounded")}
        aria-describedby={hint ? `${id}-hint` : undefined}
        {...input}
      />
      <div className="text-sm">
        <label htmlFor={id} className={cx("text-slate-800", labelWeight === "medium" && "font-medium")}>
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-slate-500">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

/**
 * The `<option>`s of a select, one per choice: `value` is submitted and `label` shown. A record
 * (`{ open: "Open" }`) reads as value → label.
 */
export function SelectOptions({ choices }: { choices: readonly { value: string; label: string }[] | Readonly<Record<string, string>> }) {
  const list = Array.isArray(choices) ? choices : Object.entries(choices).map(([value, label]) => ({ value, label }));
  return list.map((choice) => (
    <option key={choice.value} value={choice.value}>
      {choice.label}
    </option>
  ));
}

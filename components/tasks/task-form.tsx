"use client";
import { useState } from "react";
import { ProjectOptions } from "@/components/clients/project-options";
import { Button } from "@/components/ui/button";
import { InputField, SelectField, SelectOptions } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useEditorForm } from "@/components/ui/use-editor-form";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { TASK_STATUS_LABELS, type TaskStatusValue } from "@/lib/web/task-form";
import { TagChoices } from "./tag-choices";

export interface TaskFormValues {
  name: string;
  status: TaskStatusValue;
  billable: boolean;
  /** As typed, e.g. "4:00"; empty for none. */
  estimate: string;
  tagIds: string[];
}

/**
 * New task (choosing its project; billable follows the project unless chosen), or editing one.
 * Refused input stays as typed.
 */
export function TaskForm({
  mode,
  action,
  idPrefix,
  values,
  projects = [],
  tags,
}: {
  mode: "create" | "edit";
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  idPrefix: string;
  values?: TaskFormValues;
  /** Projects a new task can go on (create only), non-archived. */
  projects?: { id: string; name: string; clientName: string; billableByDefault: boolean }[];
  tags: { id: string; name: string }[];
}) {
  const [projectId, setProjectId] = useState("");
  const { state, pending, onSubmit, formKey } = useEditorForm(action, () => setProjectId(""));
  const fieldErrors = formFieldErrors(state);
  const id = (name: string) => `${idPrefix}-${name}`;
  const project = projects.find((p) => p.id === projectId);

  return (
    <form key={formKey} onSubmit={onSubmit} noValidate className="space-y-4" aria-label={mode === "create" ? "Add task" : `Edit task ${values?.name ?? ""}`}>
      {mode === "create" ? (
        <SelectField
          id={id("project")}
          name="projectId"
          label="Project"
          required
          defaultValue=""
          onChange={(e) => setProjectId(e.target.value)}
          error={fieldErrors.error("Project", "projectId")}
        >
          <ProjectOptions projects={projects} />
        </SelectField>
      ) : null}
      <div className={mode === "edit" ? "grid gap-4 sm:grid-cols-2 lg:grid-cols-4" : "space-y-4"}>
        <InputField
          id={id("name")}
          name="name"
          label="Task name"
          required
          maxLength={120}
          fieldClassName={mode === "edit" ? "lg:col-span-2" : undefined}
          defaultValue={values?.name}
          error={fieldErrors.error("Task name", "name")}
        />
        <div className={mode === "create" ? "grid grid-cols-2 gap-4" : "contents"}>
          <SelectField id={id("status")} name="status" label="Status" defaultValue={values?.status ?? "open"} error={fieldErrors.error("Status", "status")}>
            <SelectOptions choices={TASK_STATUS_LABELS} />
          </SelectField>
          <InputField
            id={id("estimate")}
            name="estimate"
            label="Estimate"
            autoComplete="off"
            placeholder="4:00"
            hint="Optional, like 4:00 or 90m"
            className="tabular-nums"
            defaultValue={values?.estimate}
            error={fieldErrors.error("Estimate", "estimate", "estimateSeconds")}
          />
        </div>
      </div>
      <SelectField
        id={id("billable")}
        name="billable"
        label="Billing"
        fieldClassName={mode === "edit" ? "sm:max-w-xs" : undefined}
        defaultValue={values ? (values.billable ? "yes" : "no") : ""}
        error={fieldErrors.error("Billing", "billable")}
      >
        {mode === "create" ? (
          <option value="">{project ? `Project default (${project.billableByDefault ? "billable" : "non-billable"})` : "Project default"}</option>
        ) : null}
        <option value="yes">Billable</option>
        <option value="no">Non-billable</option>
      </SelectField>
      <TagChoices id={id("tags")} tags={tags} checkedIds={values?.tagIds ?? []} error={fieldErrors.error("Tags", "tagIds")} empty="No tags yet." />
      {mode === "create" || state.status === "error" ? <FormMessage state={state} shownAt={fieldErrors.shown} testId={`${idPrefix}-message`} /> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : mode === "create" ? "Add task" : "Save task"}
      </Button>
    </form>
  );
}

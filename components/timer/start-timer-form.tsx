"use client";
import { useState } from "react";
import { TagChoices } from "@/components/tasks/tag-choices";
import { ProjectTaskFields } from "@/components/time/project-task-fields";
import type { ProjectOption, TagOption, TaskOption } from "@/components/time/types";
import { Button } from "@/components/ui/button";
import { CheckboxField, InputField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { useKeptForm } from "@/lib/web/use-kept-form";

/**
 * Starting the timer: project, optional task, description, tags, billable (following the task's
 * or project's default until changed), and an optional earlier start time for work already under
 * way. Starting while a timer runs stops that one into an entry first, as Toggl does, ending it
 * where the new one starts so no time is counted twice.
 */
export function StartTimerForm({
  action,
  projects,
  tasks,
  tags,
  running,
}: {
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  projects: ProjectOption[];
  tasks: TaskOption[];
  tags: TagOption[];
  /** What runs now, if anything: starting will stop it. */
  running: string | null;
}) {
  const [formKey, setFormKey] = useState(0);
  const [projectId, setProjectId] = useState("");
  const [taskId, setTaskId] = useState("");
  const [billableChoice, setBillableChoice] = useState<boolean | null>(null);
  const { state, pending, formRef, onSubmit } = useKeptForm(action, {
    onSuccess: () => {
      setTaskId("");
      setBillableChoice(null);
      setFormKey((k) => k + 1);
    },
  });
  const fieldErrors = formFieldErrors(state);

  const project = projects.find((p) => p.id === projectId);
  const projectTasks = tasks.filter((t) => t.projectId === projectId && !t.done);
  const task = projectTasks.find((t) => t.id === taskId);
  const billable = billableChoice ?? (task ? task.billable : (project?.billableByDefault ?? true));

  return (
    <form key={formKey} ref={formRef} onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Start a timer">
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <ProjectTaskFields
          idPrefix="timer"
          projects={projects}
          projectTasks={projectTasks}
          projectId={projectId}
          taskId={taskId}
          onProjectChange={setProjectId}
          onTaskChange={setTaskId}
          fieldErrors={fieldErrors}
          projectClassName="sm:col-span-2"
          taskClassName="sm:col-span-2"
        />
        <InputField
          id="timer-description"
          name="description"
          label="Description"
          fieldClassName="sm:col-span-2 lg:col-span-3"
          placeholder="What are you working on?"
          maxLength={1000}
          error={fieldErrors.error("Description", "description")}
        />
        <InputField
          id="timer-start"
          name="startTime"
          label="Started at (optional)"
          type="time"
          hint="Leave empty to start now"
          error={fieldErrors.error("Started at", "startTime", "startedAt")}
        />
        <TagChoices id="timer-tags" className="sm:col-span-2 lg:col-span-3" tags={tags} checkedIds={[]} error={fieldErrors.error("Tags", "tagIds")} empty="No tags yet." />
        <CheckboxField id="timer-billable" name="billable" label="Billable" checked={billable} onChange={(e) => setBillableChoice(e.target.checked)} />
      </div>
      <FormMessage state={state} shownAt={fieldErrors.shown} testId="start-timer-message" />
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Starting…" : "Start timer"}
        </Button>
        {running ? <p className="text-sm text-slate-600">Starting stops the timer running on {running} where this one starts (now, or the time above) and adds its time.</p> : null}
      </div>
    </form>
  );
}

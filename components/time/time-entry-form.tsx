"use client";
import { useState } from "react";
import { TagChoices } from "@/components/tasks/tag-choices";
import { Button, ButtonLink } from "@/components/ui/button";
import { CheckboxField, InputField, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { parseDuration } from "@/lib/domain/durations";
import type { ActionState } from "@/lib/web/action-state";
import { formFieldErrors } from "@/lib/web/field-error";
import { CONFIRM_OVERLAP } from "@/lib/web/overlap-warning";
import { useKeptForm } from "@/lib/web/use-kept-form";
import { ProjectTaskFields } from "./project-task-fields";
import type { MemberOption, ProjectOption, TagOption, TaskOption, TimeEntryDefaults } from "./types";

interface TimeEntryFormProps {
  mode: "create" | "edit";
  action: (prev: ActionState, form: FormData) => Promise<ActionState>;
  projects: ProjectOption[];
  tasks: TaskOption[];
  tags: TagOption[];
  /** Owners and admins may track time for someone else; omitted for members. */
  members?: MemberOption[];
  defaults: TimeEntryDefaults;
  cancelHref?: string;
  /** Carried through an edit so the week view comes back with the same member filter. */
  returnMember?: string;
  /**
   * Adding: where the next entry of each day shown starts (YYYY-MM-DD → HH:mm, from
   * suggestNextStart's rule); picking another date moves the start time there until it is typed over.
   */
  nextStarts?: Readonly<Record<string, string>>;
}

const DAY_START = "09:00";

/** "HH:mm" where an entry of `date` starting at `start` for `duration` ends, or null past midnight or unreadable. */
function endOf(start: string, duration: string): string | null {
  const seconds = parseDuration(duration);
  const [h, m] = start.split(":").map(Number);
  if (seconds === null || h === undefined || m === undefined || Number.isNaN(h) || Number.isNaN(m)) return null;
  const end = h * 60 + m + Math.ceil(seconds / 60);
  return end < 24 * 60 ? `${String(Math.floor(end / 60)).padStart(2, "0")}:${String(end % 60).padStart(2, "0")}` : null;
}

/**
 * Adding or editing one time entry. Refused input stays as typed; after an entry is added the
 * form clears except for the date, project and member, which the next entry usually shares.
 */
export function TimeEntryForm({ mode, action, projects, tasks, tags, members, defaults: initial, cancelHref, returnMember, nextStarts }: TimeEntryFormProps) {
  const [defaults, setDefaults] = useState(initial);
  const [startTime, setStartTime] = useState(initial.startTime);
  // Once the start is typed, picking another date no longer moves it.
  const [startTyped, setStartTyped] = useState(false);
  // The overlap warning the person has since changed the form after (its "Save anyway" would save something else).
  const [dismissed, setDismissed] = useState<ActionState | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [projectId, setProjectId] = useState(initial.projectId);
  const [taskId, setTaskId] = useState(initial.taskId);
  const [billableChoice, setBillableChoice] = useState<boolean | null>(initial.billable);

  const { state, pending, formRef, onSubmit } = useKeptForm(action, {
    onSuccess: (_state, submitted) => {
      if (mode !== "create") return;
      const kept = (name: string, fallback: string) => {
        const value = submitted?.get(name);
        return typeof value === "string" && value ? value : fallback;
      };
      const date = kept("date", initial.date);
      // The next entry starts where this one ended, or later if the day already runs later.
      const ended = endOf(kept("startTime", DAY_START), kept("duration", ""));
      const suggested = nextStarts?.[date] ?? DAY_START;
      setStartTime(ended && ended > suggested ? ended : suggested);
      setStartTyped(false);
      setDefaults({ ...initial, date, projectId: kept("projectId", ""), membershipId: kept("membershipId", initial.membershipId) });
      setProjectId(kept("projectId", ""));
      setTaskId("");
      setBillableChoice(null);
      setFormKey((k) => k + 1);
    },
  });
  const fieldErrors = formFieldErrors(state);

  const id = (name: string) => `${mode}-entry-${name}`;
  const project = projects.find((p) => p.id === projectId);
  const projectTasks = tasks.filter((t) => t.projectId === projectId);
  const task = projectTasks.find((t) => t.id === taskId);
  const inherited = task ? task.billable : (project?.billableByDefault ?? true);
  const billable = billableChoice ?? inherited;
  const confirming = state.status === "confirm" && dismissed !== state;

  return (
    <form
      key={formKey}
      ref={formRef}
      onSubmit={onSubmit}
      onChange={() => {
        if (state.status === "confirm") setDismissed(state);
      }}
      noValidate
      className="space-y-5"
      aria-label={mode === "create" ? "Add time entry" : "Edit time entry"}
    >
      {returnMember ? <input type="hidden" name="returnMember" value={returnMember} /> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <InputField
          id={id("date")}
          name="date"
          label="Date"
          type="date"
          required
          defaultValue={defaults.date}
          onChange={(e) => {
            if (nextStarts && !startTyped) setStartTime(nextStarts[e.target.value] ?? DAY_START);
          }}
          error={fieldErrors.error("Date", "date", "startedAt")}
        />
        <InputField
          id={id("start")}
          name="startTime"
          label="Start time"
          type="time"
          required
          value={startTime}
          onChange={(e) => {
            setStartTime(e.target.value);
            setStartTyped(true);
          }}
          error={fieldErrors.error("Start time", "startTime")}
        />
        <InputField
          id={id("duration")}
          name="duration"
          label="Duration"
          required
          autoComplete="off"
          placeholder="1:30"
          hint="Like 1:30, 1.5 or 90m"
          className="tabular-nums"
          defaultValue={defaults.duration}
          error={fieldErrors.error("Duration", "duration", "durationSeconds")}
        />
        {members && members.length > 1 ? (
          <SelectField id={id("member")} name="membershipId" label="Track for" defaultValue={defaults.membershipId} error={fieldErrors.error("Member", "membershipId")}>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </SelectField>
        ) : null}

        <ProjectTaskFields
          idPrefix={`${mode}-entry`}
          projects={projects}
          projectTasks={projectTasks}
          projectId={projectId}
          taskId={taskId}
          onProjectChange={setProjectId}
          onTaskChange={setTaskId}
          fieldErrors={fieldErrors}
          projectClassName="sm:col-span-2 lg:col-span-2 lg:col-start-1"
          taskClassName="sm:col-span-2 lg:col-span-2"
        />

        <InputField
          id={id("description")}
          name="description"
          label="Description"
          fieldClassName="sm:col-span-2 lg:col-span-4"
          placeholder="What did you work on?"
          maxLength={1000}
          defaultValue={defaults.description}
          error={fieldErrors.error("Description", "description")}
        />

        <TagChoices
          id={id("tags")}
          className="sm:col-span-2 lg:col-span-3"
          tags={tags}
          checkedIds={defaults.tagIds}
          error={fieldErrors.error("Tags", "tagIds")}
          empty="No tags yet — create them on the Tasks page."
        />

        <CheckboxField
          id={id("billable")}
          name="billable"
          label="Billable"
          fieldClassName="lg:pt-6"
          checked={billable}
          onChange={(e) => setBillableChoice(e.target.checked)}
          hint={
            billableChoice === null
              ? `${task ? "Task" : "Project"} default: ${inherited ? "billable" : "non-billable"}`
              : billableChoice === inherited
                ? "Same as the default"
                : `Overrides the ${task ? "task" : "project"} default`
          }
        />
      </div>

      {state.status === "confirm" && !confirming ? null : <FormMessage state={state} shownAt={fieldErrors.shown} testId={`${mode}-entry-message`} />}

      <div className="flex flex-wrap items-center gap-3">
        {confirming ? (
          <Button type="submit" name={CONFIRM_OVERLAP} value="1" disabled={pending} aria-disabled={pending}>
            {pending ? "Saving…" : "Save anyway"}
          </Button>
        ) : null}
        <Button type="submit" variant={confirming ? "secondary" : "primary"} disabled={pending} aria-disabled={pending}>
          {mode === "create" ? (pending ? "Adding…" : "Add entry") : pending ? "Saving…" : "Save changes"}
        </Button>
        {cancelHref ? (
          <ButtonLink href={cancelHref} variant="secondary">
            Cancel
          </ButtonLink>
        ) : null}
      </div>
    </form>
  );
}

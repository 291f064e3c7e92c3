/** Plain, serialisable shapes the Time components take (no Dates, no domain objects). */

export interface ProjectOption {
  id: string;
  name: string;
  clientName: string;
  billableByDefault: boolean;
}

export interface TaskOption {
  id: string;
  name: string;
  projectId: string;
  billable: boolean;
  done: boolean;
}

export interface TagOption {
  id: string;
  name: string;
}

export interface MemberOption {
  id: string;
  label: string;
}

/** What the entry form starts with: today's blank entry, or an existing entry being edited. */
export interface TimeEntryDefaults {
  date: string;
  startTime: string;
  duration: string;
  projectId: string;
  taskId: string;
  description: string;
  /** null: follow the project's (or task's) default until the user ticks or unticks it. */
  billable: boolean | null;
  tagIds: string[];
  membershipId: string;
}

export interface EntryRow {
  id: string;
  timeRange: string;
  duration: string;
  projectName: string;
  clientName: string;
  taskName: string | null;
  description: string;
  tags: string[];
  billable: boolean;
  memberName: string | null;
  /** One's own entry: it offers "Continue" (start a timer on the same work). */
  canContinue?: boolean;
  /** `locked`: why the entry cannot change and what this person can do about it. */
  invoice: { id: string; label: string; locked: string } | null;
}

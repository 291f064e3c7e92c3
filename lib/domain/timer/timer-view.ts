import type { Prisma } from "@/lib/generated/prisma/client";
import { formatLocalMoment } from "@/lib/domain/dates";
import { formatDuration } from "@/lib/domain/durations";

export const runningTimerInclude = {
  project: { select: { id: true, name: true, client: { select: { id: true, name: true } } } },
  task: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { tag: { name: "asc" } } },
} satisfies Prisma.RunningTimerInclude;

export type RunningTimerRow = Prisma.RunningTimerGetPayload<{ include: typeof runningTimerInclude }>;

/** A member's running timer as every surface shows it. */
export interface RunningTimerView {
  id: string;
  /** When the work started; `elapsedSeconds` is counted from it. */
  startedAt: Date;
  /** Whole seconds from `startedAt` to the clock's now (lib/domain/clock.ts), never negative. */
  elapsedSeconds: number;
  description: string;
  billable: boolean;
  project: { id: string; name: string };
  client: { id: string; name: string };
  task: { id: string; name: string } | null;
  tags: { id: string; name: string }[];
}

export function toRunningTimerView(row: RunningTimerRow, at: Date): RunningTimerView {
  return {
    id: row.id,
    startedAt: row.startedAt,
    elapsedSeconds: elapsedSeconds(row.startedAt, at),
    description: row.description,
    billable: row.billable,
    project: { id: row.project.id, name: row.project.name },
    client: row.project.client,
    task: row.task,
    tags: row.tags.map((t) => t.tag),
  };
}

/** Whole seconds from `startedAt` to `at`; 0 when `at` is earlier. */
export function elapsedSeconds(startedAt: Date, at: Date): number {
  return Math.max(0, Math.floor((at.getTime() - startedAt.getTime()) / 1000));
}

/**
 * Names a running timer in a refusal, so the person knows which one is meant:
 * `Difference Engine Docs / Manual ("Carry tables"), started 2026-11-02 09:12 (Europe/London), running 1:05`.
 */
export function describeRunningTimer(
  timer: { startedAt: Date; description: string; project: { name: string }; task: { name: string } | null },
  timeZone: string,
  at: Date,
): string {
  const what = `${timer.project.name}${timer.task ? ` / ${timer.task.name}` : ""}${timer.description ? ` ("${timer.description}")` : ""}`;
  return `${what}, started ${formatLocalMoment(timer.startedAt, timeZone)}, running ${formatDuration(elapsedSeconds(timer.startedAt, at))}`;
}

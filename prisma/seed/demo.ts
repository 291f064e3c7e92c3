/**
 * The demo data: seeded on first start and used by the tests. Time entries are placed
 * relative to today (in each workspace's time zone) so the current week is never empty, and
 * none lies in the future: a member's entries of today are moved earlier together until they
 * end by the moment of seeding (endingBy). Random-looking entries come from a fixed-seed
 * generator, so every seed is identical for a given day and time.
 */
import { db } from "@/lib/db";
import type { Actor } from "@/lib/domain/actor";
import { resolveActor } from "@/lib/domain/actor";
import { now } from "@/lib/domain/clock";
import { addIsoDays, localDateOf, localDateTime, startOfLocalDay, weekStartOf } from "@/lib/domain/dates";
import { createInvoiceDraft } from "@/lib/domain/invoices/create-invoice-draft";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { sendInvoice } from "@/lib/domain/invoices/send-invoice";
import { createRule } from "@/lib/domain/rules/create-rule";
import { createTimeEntry } from "@/lib/domain/time-entries/create-time-entry";
import {
  addMember,
  createClientRow,
  createProjectRow,
  createTagRow,
  createTaskRow,
  createUser,
  createWorkspace,
} from "./factories";

/** Menabrea Press's unbilled billable time after the 15-minute round-up: 5:30 at €95 + 3:45 at €90. */
export const MENABREA_UNBILLED_TOTAL = 86_000;

type Project = { id: string };
type Task = { id: string } | null;

export interface EntrySpec {
  actor: Actor;
  day: string;
  start: string;
  /** The start as an instant, when moved from `start` (endingBy): used instead of it. */
  startedAt?: Date;
  minutes: number;
  project: Project;
  task?: Task;
  description: string;
  billable?: boolean;
  tagIds?: string[];
  timeZone: string;
}

const startOf = (spec: EntrySpec) => spec.startedAt ?? localDateTime(spec.day, spec.start, spec.timeZone);

/**
 * One member's entries of one day, as they may be tracked at `at`: unchanged when they all end
 * by then; otherwise moved earlier together (by whole 5 minutes) so the last ends by `at`, and any
 * then starting before the day's local midnight left out. So the demo holds no time in the future
 * whatever the hour of seeding, and today's time still ends near now.
 */
export function endingBy<T extends EntrySpec>(specs: readonly T[], at: Date): T[] {
  const ends = specs.map((spec) => startOf(spec).getTime() + spec.minutes * 60_000);
  const overrun = Math.max(0, ...ends) - at.getTime();
  if (overrun <= 0) return [...specs];
  const step = 5 * 60_000;
  const shift = Math.ceil(overrun / step) * step;
  return specs
    .map((spec) => ({ ...spec, startedAt: new Date(startOf(spec).getTime() - shift) }))
    .filter((spec) => spec.startedAt.getTime() >= startOfLocalDay(spec.day, spec.timeZone).getTime());
}

async function track(spec: EntrySpec) {
  return createTimeEntry(spec.actor, {
    projectId: spec.project.id,
    taskId: spec.task?.id ?? null,
    startedAt: startOf(spec),
    durationSeconds: spec.minutes * 60,
    description: spec.description,
    billable: spec.billable,
    tagIds: spec.tagIds ?? [],
  });
}

/** mulberry32: a tiny deterministic generator, enough for plausible demo data. */
function generator(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

/** Weekdays from `weeksBack` Mondays ago up to and including today. */
function workdays(today: string, weeksBack: number): string[] {
  const days: string[] = [];
  for (let day = addIsoDays(weekStartOf(today), -7 * weeksBack); day <= today; day = addIsoDays(day, 1)) {
    const weekday = (new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7;
    if (weekday < 5) days.push(day);
  }
  return days;
}

export async function seedDemo() {
  const ada = await createUser(db, { email: "ada@example.com", name: "Ada Lovelace" });
  const grace = await createUser(db, { email: "grace@example.com", name: "Grace Hopper" });

  const lovelace = await seedLovelaceStudio(ada.id, grace.id);
  const engines = await seedAnalyticalEngines(ada.id, grace.id);
  const sketchbook = await seedSketchbook(ada.id);
  const hopper = await seedHopperLabs(ada.id, grace.id);
  return { ada, grace, lovelace, engines, sketchbook, hopper };
}

async function seedLovelaceStudio(adaId: string, graceId: string) {
  const timeZone = "Europe/London";
  const workspace = await createWorkspace(db, {
    name: "Lovelace Studio",
    slug: "lovelace-studio",
    plan: "pro",
    billingState: "active",
    publicApiAccess: true,
    currency: "EUR",
    defaultHourlyRate: 9_000,
    timeZone,
    legalName: "Lovelace Studio Ltd",
    address: "12 St James's Square\nLondon SW1Y 4JH\nUnited Kingdom",
    taxId: "GB 123 4567 89",
    contactEmail: "billing@lovelace.example",
    paymentInstructions: "Bank transfer to Lovelace Studio Ltd\nIBAN GB33 BUKB 2020 1555 5555 55\nBIC BUKBGB22\nPlease quote the invoice number.",
  });
  await addMember(db, workspace.id, adaId, "owner");
  await addMember(db, workspace.id, graceId, "member");
  const ada = await resolveActor(adaId, { id: workspace.id });
  const grace = await resolveActor(graceId, { id: workspace.id });

  const tags = Object.fromEntries(
    await Promise.all(["research", "writing", "meeting", "design", "review"].map(async (name) => [name, (await createTagRow(db, workspace.id, name)).id] as const)),
  ) as Record<"research" | "writing" | "meeting" | "design" | "review", string>;

  const babbage = await createClientRow(db, workspace.id, {
    name: "Babbage & Co",
    email: "accounts@babbage.example",
    address: "1 Dorset Street\nLondon W1U 4EG",
    taxId: "GB 987 6543 21",
  });
  const menabrea = await createClientRow(db, workspace.id, {
    name: "Menabrea Press",
    email: "editor@menabrea.example",
    address: "Via Po 17\n10124 Torino",
    taxId: "IT 01234567890",
  });

  const docs = await createProjectRow(db, workspace.id, babbage.id, { name: "Difference Engine Docs", hourlyRate: 12_000 });
  const website = await createProjectRow(db, workspace.id, babbage.id, { name: "Analytical Engine Website", hourlyRate: 11_000 });
  const notes = await createProjectRow(db, workspace.id, menabrea.id, { name: "Translation Notes", hourlyRate: 9_500 });
  const sketch = await createProjectRow(db, workspace.id, menabrea.id, { name: "Sketch of the Engine", hourlyRate: null });

  const docsTasks = [
    await createTaskRow(db, workspace.id, docs.id, { name: "Operating manual", status: "in_progress", estimateSeconds: 40 * 3600, tagIds: [tags.writing] }),
    await createTaskRow(db, workspace.id, docs.id, { name: "Table of differences", status: "open", estimateSeconds: 12 * 3600, tagIds: [tags.research] }),
    await createTaskRow(db, workspace.id, docs.id, { name: "Review with Charles", status: "done", tagIds: [tags.meeting, tags.review] }),
  ];
  const websiteTasks = [
    await createTaskRow(db, workspace.id, website.id, { name: "Landing page", status: "in_progress", estimateSeconds: 16 * 3600, tagIds: [tags.design] }),
    await createTaskRow(db, workspace.id, website.id, { name: "Engine simulator", status: "open", estimateSeconds: 30 * 3600 }),
  ];
  const noteA = await createTaskRow(db, workspace.id, notes.id, { name: "Note A", status: "done", tagIds: [tags.writing] });
  const noteG = await createTaskRow(db, workspace.id, notes.id, { name: "Note G (Bernoulli numbers)", status: "in_progress", tagIds: [tags.writing, tags.research] });

  await createRule(ada, { kind: "rounding", name: "Round up to 15 minutes", roundingIncrementSeconds: 900, roundingDirection: "up" });
  await createRule(ada, {
    kind: "minimum_duration",
    name: "Babbage & Co: 30-minute minimum per call",
    minimumSeconds: 1800,
    clientId: babbage.id,
  });
  await createRule(ada, {
    kind: "rate_override",
    name: "Grace on the website",
    hourlyRate: 10_000,
    projectId: website.id,
    membershipId: grace.membershipId,
  });

  const seededAt = now();
  const today = localDateOf(seededAt, timeZone);
  const monday = weekStartOf(today);
  const week = (n: number, weekday: number) => addIsoDays(monday, -7 * n + weekday);

  // Babbage & Co: plausible daily work by Ada and Grace over five weeks.
  const random = generator(1815);
  const adaWork = [
    { project: docs, tasks: docsTasks, descriptions: ["Drafted chapter on the carriage mechanism", "Checked tables against the engine's output", "Edited operating notes", "Call with Charles about the manual"] },
    { project: website, tasks: websiteTasks, descriptions: ["Landing page layout", "Simulator prototype", "Copy for the about page", "Fixed navigation on small screens"] },
  ];
  // Where Ada's Babbage time ends on each day: her other clients' time that day starts after it, so no member's entries overlap.
  const adaDayEnds = new Map<string, number>();
  for (const day of workdays(today, 4)) {
    let minute = 9 * 60;
    const adaDay: EntrySpec[] = [];
    for (let i = random.int(1, 3); i > 0; i--) {
      const work = random.pick(adaWork);
      const minutes = random.int(3, 36) * 5;
      adaDay.push({
        actor: ada,
        day,
        start: `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`,
        minutes,
        project: work.project,
        task: random.chance(0.8) ? random.pick(work.tasks) : null,
        description: random.pick(work.descriptions),
        billable: random.chance(0.9) ? undefined : false,
        tagIds: random.chance(0.6) ? [random.pick(Object.values(tags))] : [],
        timeZone,
      });
      minute += minutes + random.int(2, 8) * 5;
    }
    for (const spec of endingBy(adaDay, seededAt)) {
      await track(spec);
      adaDayEnds.set(day, Math.max(adaDayEnds.get(day) ?? 0, startOf(spec).getTime() + spec.minutes * 60_000));
    }
    if (random.chance(0.6)) {
      const graceDay: EntrySpec[] = [
        {
          actor: grace,
          day,
          start: "14:00",
          minutes: random.int(6, 30) * 5,
          project: website,
          task: random.pick(websiteTasks),
          description: random.pick(["Simulator: carry propagation", "Reviewed the landing page", "Accessibility pass"]),
          tagIds: random.chance(0.5) ? [tags.review] : [],
          timeZone,
        },
      ];
      for (const spec of endingBy(graceDay, seededAt)) await track(spec);
    }
  }

  // Menabrea Press: a fixed set, so its unbilled total is known (MENABREA_UNBILLED_TOTAL).
  const menabreaEntries: Omit<EntrySpec, "actor" | "timeZone">[] = [
    { day: week(4, 1), start: "10:00", minutes: 120, project: notes, task: noteA, description: "Draft of Note A", tagIds: [tags.writing] },
    { day: week(4, 3), start: "14:00", minutes: 70, project: notes, task: noteG, description: "Bernoulli table, first pass", tagIds: [tags.writing, tags.research] },
    { day: week(3, 0), start: "09:30", minutes: 50, project: sketch, description: "Read Menabrea's French original", tagIds: [tags.research] },
    { day: week(3, 2), start: "11:00", minutes: 95, project: notes, task: noteG, description: "Bernoulli table, corrections", tagIds: [tags.writing] },
    { day: week(2, 4), start: "15:00", minutes: 20, project: notes, description: "Call with the editor", tagIds: [tags.meeting] },
    { day: week(1, 1), start: "10:00", minutes: 160, project: sketch, description: "Translation of part II" },
    { day: week(1, 3), start: "13:00", minutes: 60, project: notes, description: "Proofreading (pro bono)", billable: false, tagIds: [tags.review] },
  ];
  for (const spec of menabreaEntries) {
    // At its written time, or 15 minutes after that day's Babbage time when that runs later (whole 5 minutes): still the same day, so the totals stay known.
    const written = localDateTime(spec.day, spec.start, timeZone).getTime();
    const after = (adaDayEnds.get(spec.day) ?? 0) + 15 * 60_000;
    await track({ ...spec, actor: ada, timeZone, startedAt: new Date(Math.max(written, Math.ceil(after / 300_000) * 300_000)) });
  }

  // Invoices: week -4 paid, week -3 sent (and overdue), week -2 still a draft.
  const paid = await createInvoiceDraft(ada, {
    clientId: babbage.id,
    from: week(4, 0),
    to: week(4, 6),
    issueDate: week(3, 0),
    dueDate: week(3, 14),
    notes: "Thank you for your business.",
  });
  await sendInvoice(ada, { id: paid.id });
  await recordInvoicePayment(ada, { invoiceId: paid.id, amount: paid.total, paidOn: week(3, 10), method: "bank_transfer", reference: "BACS 4471" });

  const sent = await createInvoiceDraft(ada, {
    clientId: babbage.id,
    from: week(3, 0),
    to: week(3, 6),
    issueDate: week(2, 0),
    dueDate: week(2, 7),
    grouping: "task",
  });
  await sendInvoice(ada, { id: sent.id });

  await createInvoiceDraft(ada, { clientId: babbage.id, from: week(2, 0), to: week(2, 6) });

  return workspace;
}

async function seedAnalyticalEngines(adaId: string, graceId: string) {
  const timeZone = "America/New_York";
  const workspace = await createWorkspace(db, {
    name: "Analytical Engines",
    slug: "analytical-engines",
    plan: "business",
    billingState: "active",
    publicApiAccess: true,
    currency: "USD",
    defaultHourlyRate: 14_000,
    timeZone,
  });
  await addMember(db, workspace.id, graceId, "owner");
  await addMember(db, workspace.id, adaId, "admin");
  const grace = await resolveActor(graceId, { id: workspace.id });
  const ada = await resolveActor(adaId, { id: workspace.id });
  const client = await createClientRow(db, workspace.id, { name: "Difference Works", email: "ops@differenceworks.example" });
  const audit = await createProjectRow(db, workspace.id, client.id, { name: "Gear Train Audit", hourlyRate: 15_000 });
  const library = await createProjectRow(db, workspace.id, client.id, { name: "Punch Card Library", hourlyRate: 13_000 });
  const inspection = await createTaskRow(db, workspace.id, audit.id, { name: "Inspect gear tolerances", status: "in_progress" });

  const seededAt = now();
  const today = localDateOf(seededAt, timeZone);
  const random = generator(1843);
  for (const day of workdays(today, 2)) {
    const graceDay = endingBy([{ actor: grace, day, start: "09:00", minutes: random.int(12, 40) * 5, project: audit, task: inspection, description: "Gear inspection", timeZone }], seededAt);
    for (const spec of graceDay) await track(spec);
    if (random.chance(0.5)) {
      const adaDay = endingBy([{ actor: ada, day, start: "13:30", minutes: random.int(6, 24) * 5, project: library, description: "Catalogued punch cards", timeZone }], seededAt);
      for (const spec of adaDay) await track(spec);
    }
  }
  return workspace;
}

async function seedSketchbook(adaId: string) {
  const timeZone = "Europe/London";
  const workspace = await createWorkspace(db, {
    name: "Sketchbook",
    slug: "sketchbook",
    plan: "free",
    billingState: "active",
    publicApiAccess: false,
    currency: "GBP",
    defaultHourlyRate: 0,
    timeZone,
  });
  await addMember(db, workspace.id, adaId, "owner");
  const ada = await resolveActor(adaId, { id: workspace.id });
  const client = await createClientRow(db, workspace.id, { name: "Personal" });
  const portfolio = await createProjectRow(db, workspace.id, client.id, { name: "Portfolio", hourlyRate: null, billableByDefault: false });
  const today = localDateOf(now(), timeZone);
  await track({ actor: ada, day: addIsoDays(today, -2), start: "19:00", minutes: 45, project: portfolio, description: "Sketches of the flying machine", timeZone });
  await track({ actor: ada, day: addIsoDays(today, -1), start: "20:00", minutes: 30, project: portfolio, description: "Notes on poetical science", timeZone });
  return workspace;
}

async function seedHopperLabs(adaId: string, graceId: string) {
  const timeZone = "America/New_York";
  const workspace = await createWorkspace(db, {
    name: "Hopper Labs",
    slug: "hopper-labs",
    plan: "pro",
    billingState: "past_due",
    publicApiAccess: true,
    currency: "USD",
    defaultHourlyRate: 12_000,
    timeZone,
  });
  await addMember(db, workspace.id, graceId, "owner");
  await addMember(db, workspace.id, adaId, "member");
  const grace = await resolveActor(graceId, { id: workspace.id });
  const ada = await resolveActor(adaId, { id: workspace.id });
  const client = await createClientRow(db, workspace.id, { name: "Harvard Computation Lab", email: "billing@harvard-mark1.example" });
  const compiler = await createProjectRow(db, workspace.id, client.id, { name: "A-0 Compiler", hourlyRate: 14_000 });
  const today = localDateOf(now(), timeZone);
  for (const [offset, who, minutes, description] of [
    [-6, grace, 150, "Subroutine library"],
    [-5, ada, 90, "Reviewed the compiler's output"],
    [-3, grace, 200, "Linker prototype"],
    [-1, ada, 60, "Documentation of the A-0 system"],
  ] as const) {
    await track({ actor: who, day: addIsoDays(today, offset), start: "10:00", minutes, project: compiler, description, timeZone });
  }
  return workspace;
}

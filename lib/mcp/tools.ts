/**
 * The MCP tools: each operation (lib/operations) with the short text a text-only client shows
 * for its result. Everything else about a tool follows from its operation (see tool.ts).
 */
import { formatDuration } from "@/lib/domain/durations";
import { displayedHours, formatHundredths } from "@/lib/domain/reports/report-hours";
import { formatMoney } from "@/lib/domain/money";
import * as clients from "@/lib/operations/clients";
import * as invoiceDocuments from "@/lib/operations/invoice-documents";
import * as invoiceCorrections from "@/lib/operations/invoice-corrections";
import * as invoices from "@/lib/operations/invoices";
import * as projects from "@/lib/operations/projects";
import * as reports from "@/lib/operations/reports";
import * as rules from "@/lib/operations/rules";
import * as tags from "@/lib/operations/tags";
import * as tasks from "@/lib/operations/tasks";
import * as timeEntries from "@/lib/operations/time-entries";
import * as timer from "@/lib/operations/timer";
import * as workspace from "@/lib/operations/workspace";
import { tool } from "./tool";

type TimerWire = { started_at: string; elapsed_seconds: number; description: string; project: { name: string }; task: { name: string } | null; id: string };
const timerLine = (t: TimerWire) => `${entryWhat(t)}${t.description ? `: ${t.description}` : ""}, running ${formatDuration(t.elapsed_seconds)} since ${t.started_at} (${t.id})`;
const started = (s: {
  timer: TimerWire;
  stopped_entry: { duration_seconds: number; project: { name: string }; task: { name: string } | null; id: string } | null;
  discarded_previous: boolean;
  overlaps: OverlapWire[];
  stopped_entry_overlaps: OverlapWire[];
}) =>
  [
    ...(s.stopped_entry
      ? [`Stopped the previous timer: tracked ${formatDuration(s.stopped_entry.duration_seconds)} on ${entryWhat(s.stopped_entry)} (${s.stopped_entry.id}).${overlapSentence("That entry", s.stopped_entry_overlaps)}`]
      : []),
    ...(s.discarded_previous ? ["Discarded the previous timer (it had run under a minute)."] : []),
    `Started the timer on ${timerLine(s.timer)}.${overlapSentence("Its run so far", s.overlaps)}`,
  ].join("\n");

/**
 * Overlapped time in words, for a model that reads only the text: structuredContent lists the
 * same entries, but an assistant that shows text must still be able to tell the person.
 * "" when none; otherwise " It overlaps 2 entries already tracked (kept either way): …".
 */
type OverlapWire = { id: string; started_at: string; ended_at: string; project: { name: string }; task: { name: string } | null };
const overlapSentence = (subject: string, overlaps: OverlapWire[]) =>
  overlaps.length
    ? ` ${subject} overlaps ${plural(overlaps.length, "entry", "entries")} already tracked (kept either way): ${overlaps.map((o) => `${entryWhat(o)} from ${o.started_at} to ${o.ended_at} (${o.id})`).join("; ")}.`
    : "";

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
const more = (what: string, cursor: string | null) => (cursor ? [`More ${what}: call again with cursor "${cursor}".`] : []);
const ruleLine = (r: { name: string; effect: string; scope: string; active: boolean; id: string }) => `${r.name}: ${r.effect} — ${r.scope}${r.active ? "" : " (off)"} (${r.id})`;
const entryWhat = (e: { project: { name: string }; task: { name: string } | null }) => `${e.project.name}${e.task ? ` / ${e.task.name}` : ""}`;

export const TOOLS = {
  // Who and where.
  getProfile: tool(workspace.getProfile, (p) => `${p.name} <${p.email}>, ${p.role} of ${p.workspace.name}.`),
  getWorkspace: tool(
    workspace.getWorkspace,
    (w) => `${w.name} (${w.plan} plan, ${w.currency}, ${w.time_zone}); default rate ${formatMoney(w.default_hourly_rate, w.currency)}/h.`,
  ),

  listClients: tool(clients.listClients, ({ clients }) => (clients.length ? clients.map((c) => `${c.name} (${c.id})`).join("\n") : "No clients yet.")),
  createClient: tool(clients.createClient, ({ client }) => `Created client ${client.name} (${client.id}).`),
  updateClient: tool(clients.updateClient, ({ client }) => `Updated client ${client.name} (${client.id})${client.archived ? ", archived" : ""}.`),

  listProjects: tool(projects.listProjects, ({ projects }) =>
    projects.length ? projects.map((p) => `${p.name} — ${p.client.name} (${p.id})${p.archived ? " [archived]" : ""}`).join("\n") : "No projects.",
  ),
  createProject: tool(projects.createProject, ({ project }) => `Created project ${project.name} for ${project.client.name} (${project.id}).`),
  updateProject: tool(projects.updateProject, ({ project }) => `Updated project ${project.name} (${project.id})${project.archived ? ", archived" : ""}.`),

  listTasks: tool(tasks.listTasks, ({ tasks }) =>
    tasks.length
      ? tasks
          .map((t) => `${t.project.name} / ${t.name} [${t.status}] ${formatDuration(t.tracked_seconds)}${t.estimate_seconds ? ` of ${formatDuration(t.estimate_seconds)}` : ""} (${t.id})`)
          .join("\n")
      : "No tasks.",
  ),
  createTask: tool(tasks.createTask, ({ task }) => `Created task ${task.name} on ${task.project.name} (${task.id}).`),
  updateTask: tool(tasks.updateTask, ({ task }) => `Updated task ${task.name} [${task.status}] (${task.id}).`),

  listTags: tool(tags.listTags, ({ tags }) =>
    tags.length ? tags.map((t) => `${t.name} (${t.id}): ${plural(t.time_entry_count, "entry", "entries")}, ${plural(t.task_count, "task", "tasks")}`).join("\n") : "No tags yet.",
  ),
  createTag: tool(tags.createTag, ({ tag }) => `Created tag ${tag.name} (${tag.id}).`),

  listTimeEntries: tool(timeEntries.listTimeEntries, ({ entries, next_cursor }) => {
    if (!entries.length) return "No time entries match.";
    const lines = entries.map(
      (e) => `${e.started_at} ${formatDuration(e.duration_seconds)} ${entryWhat(e)}${e.description ? `: ${e.description}` : ""} — ${e.member.name}${e.invoice ? ` [${e.invoice.label}]` : ""} (${e.id})`,
    );
    return [...lines, ...more("entries", next_cursor)].join("\n");
  }),
  createTimeEntry: tool(
    timeEntries.createTimeEntry,
    ({ time_entry: e, overlaps }) =>
      `Tracked ${formatDuration(e.duration_seconds)} on ${entryWhat(e)} starting ${e.started_at}${e.billable ? "" : " (non-billable)"} (${e.id}).${overlapSentence("It", overlaps)}`,
  ),
  updateTimeEntry: tool(
    timeEntries.updateTimeEntry,
    ({ time_entry: e, overlaps }) => `Updated the entry ${e.id}: ${formatDuration(e.duration_seconds)} on ${e.project.name} starting ${e.started_at}.${overlapSentence("It", overlaps)}`,
  ),
  deleteTimeEntry: tool(timeEntries.deleteTimeEntry, ({ deleted }) => `Deleted the time entry ${deleted.id} (${formatDuration(deleted.duration_seconds)}).`),

  listRules: tool(rules.listRules, ({ rules }) => (rules.length ? rules.map(ruleLine).join("\n") : "No billing rules.")),
  createRule: tool(rules.createRule, ({ rule }) => `Created rule ${ruleLine(rule)}.`),
  updateRule: tool(rules.updateRule, ({ rule }) => `Updated rule ${ruleLine(rule)}.`),

  listInvoices: tool(invoices.listInvoices, ({ invoices, next_cursor }) => {
    if (!invoices.length) return "No invoices match.";
    const lines = invoices.map(
      (i) =>
        `${i.label} ${i.client.name} — ${i.status}${i.overdue ? " (overdue)" : ""}, ${formatMoney(i.total, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}${i.refund_due ? `, refund due ${formatMoney(i.refund_due, i.currency)}` : ""}, due ${i.due_date} (${i.id})`,
    );
    return [...lines, ...more("invoices", next_cursor)].join("\n");
  }),
  getInvoice: tool(
    invoices.getInvoice,
    ({ invoice: i }) =>
      `${i.label} for ${i.client.name}: ${i.status}${i.overdue ? " (overdue)" : ""}, ${plural(i.lines.length, "line", "lines")}, total ${formatMoney(i.total, i.currency)}, paid ${formatMoney(i.amount_paid, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}; issued ${i.issue_date}, due ${i.due_date}.`,
  ),
  findBillableCandidates: tool(invoices.findBillableCandidates, (c) =>
    c.entry_count
      ? `${c.client.name}, ${c.from} to ${c.to}: ${plural(c.entry_count, "unbilled billable entry", "unbilled billable entries")}, ${formatDuration(c.billable_seconds)} billable, ${formatMoney(c.amount, c.currency)} before tax.`
      : `${c.client.name} has no unbilled billable time from ${c.from} to ${c.to}.`,
  ),
  previewInvoice: tool(
    invoices.previewInvoice,
    (p) =>
      `Preview (nothing created): ${p.next_label} for ${p.client.name}, ${plural(p.lines.length, "line", "lines")} from ${plural(p.entries.length, "entry", "entries")}, subtotal ${formatMoney(p.totals.subtotal, p.currency)}, total ${formatMoney(p.totals.total, p.currency)}; issued ${p.issue_date}, due ${p.due_date}.`,
  ),
  runReport: tool(reports.runReport, (r) => {
    // Hours as the report page shows them (report-hours.ts): rows to the hundredth, the total their sum.
    const hours = displayedHours(r.rows, ["tracked_seconds", "billable_seconds"]);
    const figures = (f: { amount: number; invoiced: number; collected: number }, h: { tracked_seconds: number; billable_seconds: number }) =>
      r.kind === "revenue"
        ? `invoiced ${formatMoney(f.invoiced, r.currency)}, collected ${formatMoney(f.collected, r.currency)}`
        : `${formatHundredths(h.tracked_seconds)} h tracked, ${formatHundredths(h.billable_seconds)} h billable, ${formatMoney(f.amount, r.currency)}`;
    const title = `${r.kind} report by ${r.group_by}, ${r.from} to ${r.to}${r.own_time_only ? " (your own time)" : ""}`;
    return [title, ...r.rows.map((row, i) => `${row.label}: ${figures(row, hours.rows[i] ?? row)}`), `Total: ${figures(r.totals, hours.totals)}`].join("\n");
  }),
  getBillingHubSummary: tool(reports.getBillingHubSummary, (s) => {
    const money = (amount: number) => formatMoney(amount, s.currency);
    return [
      `Unbilled: ${money(s.unbilled.amount)}${s.unbilled_by_client.length ? ` (${s.unbilled_by_client.map((c) => `${c.client.name} ${money(c.amount)}`).join(", ")})` : ""}`,
      `Drafts: ${s.drafts.count}, ${money(s.drafts.amount)}`,
      `Outstanding: ${s.outstanding.count}, ${money(s.outstanding.amount)}`,
      `Overdue: ${s.overdue.count}, ${money(s.overdue.amount)}${s.overdue.invoices.length ? ` (${s.overdue.invoices.map((i) => i.label).join(", ")})` : ""}`,
      `Paid this month: ${s.paid_this_month.count}, ${money(s.paid_this_month.amount)}`,
      ...(s.refunds_due.count ? [`Refunds due: ${s.refunds_due.count}, ${money(s.refunds_due.amount)} (invoices credited after payment)`] : []),
    ].join("\n");
  }),
  createInvoiceDraft: tool(
    invoices.createInvoiceDraft,
    ({ invoice: i }) =>
      `Created draft ${i.label} for ${i.client.name}: ${plural(i.lines.length, "line", "lines")}, total ${formatMoney(i.total, i.currency)}, due ${i.due_date} (${i.id}). It has not been sent.`,
  ),
  updateInvoiceDraft: tool(
    invoices.updateInvoiceDraft,
    ({ invoice: i }) =>
      `Updated draft ${i.label} for ${i.client.name}: ${plural(i.lines.length, "line", "lines")}, subtotal ${formatMoney(i.subtotal, i.currency)}${i.discount_amount ? `, discount ${formatMoney(i.discount_amount, i.currency)}` : ""}${i.taxes.map((t) => `, ${t.label} ${formatMoney(t.amount, i.currency)}`).join("")}, total ${formatMoney(i.total, i.currency)}; issued ${i.issue_date}, due ${i.due_date}. It has not been sent.`,
  ),
  sendInvoice: tool(invoices.sendInvoice, ({ invoice }) => `Sent ${invoice.label} (${formatMoney(invoice.total, invoice.currency)}) to ${invoice.client.name}.`),
  recordInvoicePayment: tool(
    invoices.recordInvoicePayment,
    ({ invoice: i }) =>
      `Recorded the payment on ${i.label}: paid ${formatMoney(i.amount_paid, i.currency)} of ${formatMoney(i.total, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)}${i.status === "paid" ? " — paid in full" : ""}.`,
  ),
  voidInvoice: tool(invoices.voidInvoice, ({ invoice: i }) => `Voided ${i.label} (${formatMoney(i.total, i.currency)}, ${i.client.name}); its time is unbilled again.`),
  getInvoicePdf: tool(invoiceDocuments.getInvoicePdf, (f) => `${f.file_name} (${f.media_type}, ${Math.ceil(f.size_bytes / 1024)} KiB) is attached as the resource ${f.uri}.`),
  sendInvoiceReminder: tool(invoiceDocuments.sendInvoiceReminder, ({ invoice: i }) => {
    const reminder = i.deliveries.filter((d) => d.kind === "reminder").at(-1);
    return `Sent a payment reminder for ${i.label} (${formatMoney(i.balance_due, i.currency)} due) to ${reminder?.to_address ?? i.client.name}, with ${reminder?.attachment_name ?? "the PDF"} attached.`;
  }),
  removeInvoicePayment: tool(
    invoiceCorrections.removeInvoicePayment,
    ({ invoice: i }) =>
      `Removed the payment from ${i.label}: paid ${formatMoney(i.amount_paid, i.currency)} of ${formatMoney(i.total, i.currency)}, balance ${formatMoney(i.balance_due, i.currency)} (${i.status}).`,
  ),
  createCreditNote: tool(
    invoiceCorrections.createCreditNote,
    ({ invoice: c }) =>
      `Issued credit note ${c.label} for ${c.credited_invoice?.label ?? "the invoice"} (${formatMoney(c.total, c.currency)}) to ${c.client.name} (${c.id}).`,
  ),

  // The running timer.
  getRunningTimer: tool(timer.getRunningTimer, ({ timer: t }) => (t ? `Running: ${timerLine(t)}.` : "No timer is running.")),
  startTimer: tool(timer.startTimer, started),
  continueTimeEntry: tool(timer.continueTimeEntry, started),
  updateRunningTimer: tool(timer.updateRunningTimer, ({ timer: t, overlaps }) => `Updated the timer: ${timerLine(t)}.${overlapSentence("Its run so far", overlaps)}`),
  stopTimer: tool(
    timer.stopTimer,
    ({ time_entry: e, overlaps }) =>
      `Stopped the timer: tracked ${formatDuration(e.duration_seconds)} on ${entryWhat(e)} starting ${e.started_at}${e.billable ? "" : " (non-billable)"} (${e.id}).${overlapSentence("It", overlaps)}`,
  ),
  discardTimer: tool(timer.discardTimer, ({ discarded: t }) => `Discarded the timer on ${entryWhat(t)} (${formatDuration(t.elapsed_seconds)} not recorded).`),
};

/**
 * The REST API: each operation (lib/operations) at its method and path. Route files under
 * app/api/v1 serve these; the OpenAPI document and the reference page list them in this order,
 * grouped by tag.
 */
import { z } from "zod";
import * as clients from "@/lib/operations/clients";
import * as invoiceDocuments from "@/lib/operations/invoice-documents";
import * as invoiceCorrections from "@/lib/operations/invoice-corrections";
import * as invoices from "@/lib/operations/invoices";
import * as projects from "@/lib/operations/projects";
import * as reports from "@/lib/operations/reports";
import * as rules from "@/lib/operations/rules";
import { ruleSettingArgs } from "@/lib/operations/rule-settings";
import * as tags from "@/lib/operations/tags";
import * as tasks from "@/lib/operations/tasks";
import * as timeEntries from "@/lib/operations/time-entries";
import * as timer from "@/lib/operations/timer";
import * as workspace from "@/lib/operations/workspace";
import { withCsv } from "./csv-alternate";
import { exportInvoicesCsv, exportReportCsv, exportTimeEntriesCsv } from "./csv-exports";
import { endpoint } from "./endpoint";

/** The invoice PDF: at its own path, and as GET /api/v1/invoices/{id} with Accept: application/pdf. */
const getInvoicePdf = endpoint(invoiceDocuments.getInvoicePdf, "GET /api/v1/invoices/{id}/pdf", { tag: "Invoices", id: "invoice_id", rename: { paper_size: "size" } });

/** One body shape per kind, so a setting of another kind is named as unknown rather than ignored. */
const { kind: _, ...ruleFields } = rules.createRule.input.shape;
const settings = ruleSettingArgs;
const CreateRuleBody = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("rounding"), rounding_increment_seconds: settings.rounding_increment_seconds, rounding_direction: settings.rounding_direction, ...pick(ruleFields) }),
    z.strictObject({ kind: z.literal("minimum_duration"), minimum_seconds: settings.minimum_seconds, ...pick(ruleFields) }),
    z.strictObject({ kind: z.literal("rate_override"), hourly_rate: settings.hourly_rate, ...pick(ruleFields) }),
  ],
  { error: "must be rounding, minimum_duration or rate_override" },
);
function pick({ name, client_id, project_id, member_id, active }: typeof ruleFields) {
  return { name, client_id, project_id, member_id, active };
}

export const API = {
  getMe: endpoint(workspace.getProfile, "GET /api/v1/me", { tag: "Profile" }),
  getWorkspaceSettings: endpoint(workspace.getWorkspaceSettings, "GET /api/v1/workspace/settings", { tag: "Workspace" }),
  updateWorkspaceSettings: endpoint(workspace.updateWorkspaceSettings, "PATCH /api/v1/workspace/settings", { tag: "Workspace" }),

  listClients: endpoint(clients.listClients, "GET /api/v1/clients", { tag: "Clients" }),
  getClient: endpoint(clients.getClient, "GET /api/v1/clients/{id}", { tag: "Clients", id: "client_id" }),
  createClient: endpoint(clients.createClient, "POST /api/v1/clients", { tag: "Clients", status: 201 }),
  updateClient: endpoint(clients.updateClient, "PATCH /api/v1/clients/{id}", { tag: "Clients", id: "client_id" }),

  listProjects: endpoint(projects.listProjects, "GET /api/v1/projects", { tag: "Projects" }),
  createProject: endpoint(projects.createProject, "POST /api/v1/projects", { tag: "Projects", status: 201 }),
  updateProject: endpoint(projects.updateProject, "PATCH /api/v1/projects/{id}", { tag: "Projects", id: "project_id" }),

  listTasks: endpoint(tasks.listTasks, "GET /api/v1/tasks", { tag: "Tasks" }),
  createTask: endpoint(tasks.createTask, "POST /api/v1/tasks", { tag: "Tasks", status: 201 }),
  updateTask: endpoint(tasks.updateTask, "PATCH /api/v1/tasks/{id}", { tag: "Tasks", id: "task_id" }),

  listTimeEntries: withCsv(endpoint(timeEntries.listTimeEntries, "GET /api/v1/time-entries", { tag: "Time entries", rename: { tag_ids: "tag_id" } }), exportTimeEntriesCsv),
  getTimeEntry: endpoint(timeEntries.getTimeEntry, "GET /api/v1/time-entries/{id}", { tag: "Time entries", id: "time_entry_id" }),
  createTimeEntry: endpoint(timeEntries.createTimeEntry, "POST /api/v1/time-entries", { tag: "Time entries", status: 201, beside: ["overlaps"] }),
  updateTimeEntry: endpoint(timeEntries.updateTimeEntry, "PATCH /api/v1/time-entries/{id}", { tag: "Time entries", id: "time_entry_id", beside: ["overlaps"] }),
  deleteTimeEntry: endpoint(timeEntries.deleteTimeEntry, "DELETE /api/v1/time-entries/{id}", { tag: "Time entries", id: "time_entry_id", status: 204 }),

  listTags: endpoint(tags.listTags, "GET /api/v1/tags", { tag: "Tags" }),
  createTag: endpoint(tags.createTag, "POST /api/v1/tags", { tag: "Tags", status: 201 }),

  listRules: endpoint(rules.listRules, "GET /api/v1/rules", { tag: "Billing rules" }),
  createRule: endpoint(rules.createRule, "POST /api/v1/rules", { tag: "Billing rules", status: 201, body: CreateRuleBody }),
  updateRule: endpoint(rules.updateRule, "PATCH /api/v1/rules/{id}", { tag: "Billing rules", id: "rule_id" }),

  listInvoices: withCsv(endpoint(invoices.listInvoices, "GET /api/v1/invoices", { tag: "Invoices" }), exportInvoicesCsv),
  getInvoice: endpoint(invoices.getInvoice, "GET /api/v1/invoices/{id}", { tag: "Invoices", id: "invoice_id", alternate: getInvoicePdf }),
  findBillableCandidates: endpoint(invoices.findBillableCandidates, "GET /api/v1/billable-candidates", { tag: "Invoices", rename: { project_ids: "project_id" } }),
  previewInvoice: endpoint(invoices.previewInvoice, "POST /api/v1/invoices/preview", { tag: "Invoices" }),
  createInvoiceDraft: endpoint(invoices.createInvoiceDraft, "POST /api/v1/invoices", { tag: "Invoices", status: 201 }),
  // A retry of a send with the same key answers the first result instead of a 409 (MCP confirms instead).
  updateInvoiceDraft: endpoint(invoices.updateInvoiceDraft, "PATCH /api/v1/invoices/{id}", { tag: "Invoices", id: "invoice_id" }),
  sendInvoice: endpoint(invoices.sendInvoice, "POST /api/v1/invoices/{id}/send", { tag: "Invoices", id: "invoice_id", idempotent: true }),
  recordInvoicePayment: endpoint(invoices.recordInvoicePayment, "POST /api/v1/invoices/{id}/payments", { tag: "Invoices", id: "invoice_id", status: 201 }),
  voidInvoice: endpoint(invoices.voidInvoice, "POST /api/v1/invoices/{id}/void", { tag: "Invoices", id: "invoice_id" }),
  getInvoicePdf,
  // Like send: a retry with the same key answers the first result instead of reminding twice.
  sendInvoiceReminder: endpoint(invoiceDocuments.sendInvoiceReminder, "POST /api/v1/invoices/{id}/reminders", { tag: "Invoices", id: "invoice_id", idempotent: true }),
  removeInvoicePayment: endpoint(invoiceCorrections.removeInvoicePayment, "DELETE /api/v1/invoices/{id}/payments/{payment_id}", { tag: "Invoices", id: "invoice_id", nested: ["payment_id"] }),
  createCreditNote: endpoint(invoiceCorrections.createCreditNote, "POST /api/v1/invoices/{id}/credit-notes", { tag: "Invoices", id: "invoice_id", status: 201 }),

  runReport: withCsv(endpoint(reports.runReport, "GET /api/v1/reports", { tag: "Reports" }), exportReportCsv),
  getBillingHubSummary: endpoint(reports.getBillingHubSummary, "GET /api/v1/billing-hub", { tag: "Reports" }),

  getRunningTimer: endpoint(timer.getRunningTimer, "GET /api/v1/timer", { tag: "Timer" }),
  startTimer: endpoint(timer.startTimer, "POST /api/v1/timer", { tag: "Timer", status: 201 }),
  updateRunningTimer: endpoint(timer.updateRunningTimer, "PATCH /api/v1/timer", { tag: "Timer", beside: ["overlaps"] }),
  stopTimer: endpoint(timer.stopTimer, "POST /api/v1/timer/stop", { tag: "Timer", status: 201, beside: ["overlaps"] }),
  discardTimer: endpoint(timer.discardTimer, "DELETE /api/v1/timer", { tag: "Timer" }),
  continueTimeEntry: endpoint(timer.continueTimeEntry, "POST /api/v1/time-entries/{id}/continue", { tag: "Timer", id: "time_entry_id", status: 201 }),
};

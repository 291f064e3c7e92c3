/** Every MCP tool, in the order tools/list shows them. Tool names are a public contract. */
import type { McpTool } from "./tool";
import { createClient } from "./tools/create-client";
import { createInvoiceDraft } from "./tools/create-invoice-draft";
import { createProject } from "./tools/create-project";
import { createRule } from "./tools/create-rule";
import { createTag } from "./tools/create-tag";
import { createTask } from "./tools/create-task";
import { createTimeEntry } from "./tools/create-time-entry";
import { deleteTimeEntry } from "./tools/delete-time-entry";
import { findBillableCandidates } from "./tools/find-billable-candidates";
import { getBillingHubSummary } from "./tools/get-billing-hub-summary";
import { getInvoice } from "./tools/get-invoice";
import { getProfile } from "./tools/get-profile";
import { getWorkspace } from "./tools/get-workspace";
import { listClients } from "./tools/list-clients";
import { listInvoices } from "./tools/list-invoices";
import { listProjects } from "./tools/list-projects";
import { listRules } from "./tools/list-rules";
import { listTags } from "./tools/list-tags";
import { listTasks } from "./tools/list-tasks";
import { listTimeEntries } from "./tools/list-time-entries";
import { previewInvoice } from "./tools/preview-invoice";
import { recordInvoicePayment } from "./tools/record-invoice-payment";
import { runReport } from "./tools/run-report";
import { sendInvoice } from "./tools/send-invoice";
import { updateClient } from "./tools/update-client";
import { updateProject } from "./tools/update-project";
import { updateRule } from "./tools/update-rule";
import { updateTask } from "./tools/update-task";
import { updateTimeEntry } from "./tools/update-time-entry";
import { voidInvoice } from "./tools/void-invoice";

export const TOOL_CATALOG: readonly McpTool[] = [
  // Reads: who and where, then the catalogue of work, time, invoices, money.
  getProfile,
  getWorkspace,
  listClients,
  listProjects,
  listTasks,
  listTags,
  listTimeEntries,
  listRules,
  listInvoices,
  getInvoice,
  findBillableCandidates,
  previewInvoice,
  runReport,
  getBillingHubSummary,
  // Writes, grouped by entity.
  createClient,
  updateClient,
  createProject,
  updateProject,
  createTask,
  updateTask,
  createTag,
  createTimeEntry,
  updateTimeEntry,
  deleteTimeEntry,
  createRule,
  updateRule,
  createInvoiceDraft,
  sendInvoice,
  recordInvoicePayment,
  voidInvoice,
] as unknown as McpTool[];

const BY_NAME = new Map(TOOL_CATALOG.map((tool) => [tool.name, tool]));

export function findTool(name: string): McpTool | undefined {
  return BY_NAME.get(name);
}

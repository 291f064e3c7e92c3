/** Every REST endpoint; the OpenAPI document, the reference page and the tests iterate over this list. */
import type { ApiEndpoint } from "./endpoint";
import { createClientEndpoint, getClientEndpoint, listClientsEndpoint, updateClientEndpoint } from "./endpoints/clients";
import {
  billableCandidatesEndpoint,
  createInvoiceEndpoint,
  getInvoiceEndpoint,
  listInvoicesEndpoint,
  previewInvoiceEndpoint,
  recordPaymentEndpoint,
  sendInvoiceEndpoint,
  voidInvoiceEndpoint,
} from "./endpoints/invoices";
import { getMe } from "./endpoints/me";
import { createProjectEndpoint, listProjectsEndpoint, updateProjectEndpoint } from "./endpoints/projects";
import { billingHubEndpoint, runReportEndpoint } from "./endpoints/reports";
import { createRuleEndpoint, listRulesEndpoint, updateRuleEndpoint } from "./endpoints/rules";
import { createTagEndpoint, listTagsEndpoint } from "./endpoints/tags";
import { createTaskEndpoint, listTasksEndpoint, updateTaskEndpoint } from "./endpoints/tasks";
import {
  createTimeEntryEndpoint,
  deleteTimeEntryEndpoint,
  getTimeEntryEndpoint,
  listTimeEntriesEndpoint,
  updateTimeEntryEndpoint,
} from "./endpoints/time-entries";
import { getWorkspaceSettingsEndpoint, updateWorkspaceSettingsEndpoint } from "./endpoints/workspace";

/** In reference order: grouped by tag, reads before writes. */
export const API_ENDPOINTS: readonly ApiEndpoint[] = [
  getMe,
  getWorkspaceSettingsEndpoint,
  updateWorkspaceSettingsEndpoint,
  listClientsEndpoint,
  getClientEndpoint,
  createClientEndpoint,
  updateClientEndpoint,
  listProjectsEndpoint,
  createProjectEndpoint,
  updateProjectEndpoint,
  listTasksEndpoint,
  createTaskEndpoint,
  updateTaskEndpoint,
  listTimeEntriesEndpoint,
  getTimeEntryEndpoint,
  createTimeEntryEndpoint,
  updateTimeEntryEndpoint,
  deleteTimeEntryEndpoint,
  listTagsEndpoint,
  createTagEndpoint,
  listRulesEndpoint,
  createRuleEndpoint,
  updateRuleEndpoint,
  listInvoicesEndpoint,
  getInvoiceEndpoint,
  billableCandidatesEndpoint,
  previewInvoiceEndpoint,
  createInvoiceEndpoint,
  sendInvoiceEndpoint,
  recordPaymentEndpoint,
  voidInvoiceEndpoint,
  runReportEndpoint,
  billingHubEndpoint,
] as unknown as ApiEndpoint[];

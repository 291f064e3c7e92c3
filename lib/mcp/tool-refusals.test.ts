import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { updateClient } from "@/lib/domain/clients/update-client";
import { addIsoDays, localDateOf } from "@/lib/domain/dates";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { createRule } from "@/lib/domain/rules/create-rule";
import { callToolOver } from "@/lib/testing/mcp-call";
import {
  billableClient,
  connect,
  draftInvoice,
  seedDemoWorld,
  sentInvoice,
  toolError,
  trackedEntry,
  type DemoWorld,
} from "@/lib/testing/mcp-fixtures";
import { findTool } from "./tool-catalog";

let world: DemoWorld;
let ada: string;
let grace: string;
/** Records of Analytical Engines, another workspace: they must read like ids that exist nowhere. */
let foreign: { client: string; project: string; member: string; tag: string };

beforeAll(async () => {
  world = await seedDemoWorld();
  const workspaceId = world.demo.engines.id;
  const [client, member, tag] = await Promise.all([
    db.client.findFirstOrThrow({ where: { workspaceId } }),
    db.membership.findFirstOrThrow({ where: { workspaceId } }),
    db.tag.create({ data: { workspaceId, name: "foreign" } }),
  ]);
  foreign = { client: client.id, project: world.demo.gearTrain.id, member: member.id, tag: tag.id };
  [ada, grace] = await Promise.all([connect(world.adaId, world.workspaceId), connect(world.graceId, world.workspaceId, "hourbook:read hourbook:write")]);
});

/** Everything a refused tool call could have changed in the workspace. */
async function workspaceSnapshot() {
  const workspaceId = world.workspaceId;
  const [workspace, clients, projects, tasks, tags, rules, entries, invoices, payments, messages] = await Promise.all([
    db.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { nextInvoiceNumber: true } }),
    db.client.findMany({ where: { workspaceId }, select: { id: true, name: true, email: true, archived: true }, orderBy: { id: "asc" } }),
    db.project.findMany({ where: { workspaceId }, select: { id: true, name: true, hourlyRate: true, archived: true }, orderBy: { id: "asc" } }),
    db.task.findMany({ where: { workspaceId }, select: { id: true, name: true, status: true }, orderBy: { id: "asc" } }),
    db.tag.findMany({ where: { workspaceId }, select: { id: true }, orderBy: { id: "asc" } }),
    db.billingRule.findMany({ where: { workspaceId }, select: { id: true, name: true, active: true, hourlyRate: true }, orderBy: { id: "asc" } }),
    db.timeEntry.findMany({
      where: { workspaceId },
      select: { id: true, startedAt: true, durationSeconds: true, projectId: true, invoiceLineId: true, description: true },
      orderBy: { id: "asc" },
    }),
    db.invoice.findMany({ where: { workspaceId }, select: { id: true, status: true, amountPaid: true, total: true }, orderBy: { id: "asc" } }),
    db.payment.count({ where: { workspaceId } }),
    db.outboxMessage.count({ where: { workspaceId } }),
  ]);
  return { workspace, clients, projects, tasks, tags, rules, entries, invoices, payments, messages };
}

type Args = Record<string, unknown>;
const today = () => localDateOf(new Date(), "Europe/London");

const invoicedEntry = async () => {
  const { entry, invoice } = await draftInvoice(world.ada);
  return { entry, invoice };
};

const REFUSALS: [string, string, () => Promise<Args>, RegExp, (() => string)?][] = [
  [
    "an overpayment",
    "record_invoice_payment",
    async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, amount: 20_000 }),
    /^Overpayment refused: the balance due on INV-\d{4} is €120\.00, not €200\.00\.$/,
  ],
  ["a payment on a draft", "record_invoice_payment", async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id, amount: 1_000 }), /is still a draft; send it before recording payments/],
  [
    "a payment dated in the future",
    "record_invoice_payment",
    async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, amount: 1_000, paid_on: addIsoDays(today(), 2) }),
    /cannot be dated in the future/,
  ],
  ["sending an invoice that is not a draft", "send_invoice", async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id }), /^INV-\d{4} is already sent; only drafts can be sent\.$/],
  [
    "voiding an invoice with payments",
    "void_invoice",
    async () => {
      const { invoice } = await sentInvoice(world.ada);
      await recordInvoicePayment(world.ada, { invoiceId: invoice.id, amount: 1_000 });
      return { invoice_id: invoice.id };
    },
    /has payments recorded, so it cannot be voided: issue a credit note/,
  ],
  [
    "deleting an invoiced entry",
    "delete_time_entry",
    async () => ({ time_entry_id: (await invoicedEntry()).entry.id }),
    /billed on invoice INV-\d{4}, a draft: remove it from the draft by editing INV-\d{4}, or void the draft, before you delete it/,
  ],
  [
    "editing an invoiced entry",
    "update_time_entry",
    async () => ({ time_entry_id: (await invoicedEntry()).entry.id, duration_seconds: 600 }),
    /^This time entry is billed on invoice INV-\d{4}, a draft: remove it from the draft by editing INV-\d{4}, or void the draft, before you edit it\.$/,
  ],
  ["a duplicate client name", "create_client", async () => ({ name: "Babbage & Co" }), /^A client named "Babbage & Co" already exists\.$/],
  [
    "a project for an archived client",
    "create_project",
    async () => {
      const { client } = await billableClient(world.ada);
      await updateClient(world.ada, { id: client.id, archived: true });
      return { client_id: client.id, name: "Too late" };
    },
    /is archived/,
  ],
  [
    "time in the year 1999",
    "create_time_entry",
    async () => ({ project_id: (await billableClient(world.ada)).project.id, started_at: "1999-12-31T10:00:00Z", duration_seconds: 3600 }),
    /between the year 2000 and one year from now/,
  ],
  [
    "a task of another project",
    "create_time_entry",
    async () => {
      const task = await db.task.findFirstOrThrow({ where: { workspaceId: world.workspaceId, name: "Note A" } });
      return { project_id: (await billableClient(world.ada)).project.id, task_id: task.id, started_at: new Date().toISOString(), duration_seconds: 3600 };
    },
    /task is not part of project "Fixture work"/,
  ],
  [
    "a start given twice",
    "create_time_entry",
    async () => ({ project_id: "p", started_at: "2026-11-23T09:00:00Z", date: "2026-11-23", start_time: "09:00", duration_seconds: 3600 }),
    /either as started_at or as date \+ start_time, not both/,
  ],
  ["a start time without a date", "create_time_entry", async () => ({ project_id: "p", start_time: "09:00", duration_seconds: 3600 }), /date and start_time go together/],
  ["a move to a date without a start time", "update_time_entry", async () => ({ time_entry_id: "e", date: "2026-11-23" }), /date and start_time go together/],
  ["no start at all", "create_time_entry", async () => ({ project_id: "p", duration_seconds: 3600 }), /Say when the work started/],
  [
    "a draft with no unbilled time in range",
    "create_invoice_draft",
    async () => ({ client_id: (await billableClient(world.ada)).client.id, from: "2026-01-01", to: "2026-01-31" }),
    /has no unbilled billable time between 1 Jan 2026 and 31 Jan 2026/,
  ],
  [
    "a draft with time that is already invoiced",
    "create_invoice_draft",
    async () => {
      const { entry, invoice } = await invoicedEntry();
      const clientId = (await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).clientId;
      return { client_id: clientId, time_entry_ids: [entry.id] };
    },
    /cannot be billed to this client/,
  ],
  [
    "a draft given both a range and entries",
    "create_invoice_draft",
    async () => ({ client_id: "c", from: "2026-01-01", to: "2026-01-31", time_entry_ids: ["e"] }),
    /either a date range \(from and to\) or time_entry_ids, not both/,
  ],
  ["a rule with another kind's setting", "create_rule", async () => ({ kind: "rounding", name: "R", rounding_increment_seconds: 900, rounding_direction: "up", hourly_rate: 100 }), /A rounding rule has no hourly_rate/],
  ["a rule missing its setting", "create_rule", async () => ({ kind: "minimum_duration", name: "M" }), /A minimum_duration rule needs minimum_seconds/],
  [
    "changing a rule's setting of another kind",
    "update_rule",
    async () => {
      const rule = await createRule(world.ada, { kind: "rounding", name: "Inactive rounding", roundingIncrementSeconds: 600, roundingDirection: "down", active: false });
      return { rule_id: rule.id, minimum_seconds: 600 };
    },
    /^A rounding rule has no minimum_seconds; create a new rule of the right kind instead\.$/,
  ],
  ["an unknown invoice", "get_invoice", async () => ({ invoice_id: "no-such-invoice" }), /^Invoice was not found in this workspace\.$/],
  ["an unknown client", "update_client", async () => ({ client_id: "no-such-client", name: "X" }), /^Client was not found in this workspace\.$/],
  ["a member listing someone else's time", "list_time_entries", async () => ({ member_id: world.ada.membershipId }), /A member can only list their own time entries/, () => grace],
  ["a member asking for revenue", "run_report", async () => ({ kind: "revenue", group_by: "client", from: "2026-01-01", to: "2026-12-31" }), /A member cannot run revenue reports/, () => grace],
  // Dates are bounded to the calendar, with the same words as the web and REST.
  ["a list up to the year 9999", "list_time_entries", async () => ({ to: "9999-12-31" }), /to: must be a date from 2000-01-01 to 2099-12-31/],
  ["a report from the year 1000", "run_report", async () => ({ kind: "time", from: "1000-01-01", to: "2099-12-30" }), /from: must be a date from 2000-01-01 to 2099-12-31/],
  ["a report given backwards", "run_report", async () => ({ kind: "time", from: "2026-02-01", to: "2026-01-01" }), /from: must be on or before to/],
  // Ids that name no record of the workspace (another workspace's read the same) are refused at their argument,
  // never answered "no unbilled time" or an empty list; the argument is named as the tool spells it.
  ...unknownIdRefusals(),
  [
    "an invoice issued in 2100",
    "create_invoice_draft",
    async () => ({ client_id: (await billableClient(world.ada)).client.id, from: "2026-01-01", to: "2026-01-31", issue_date: "2100-01-01" }),
    /issue_date: must be a date from 2000-01-01 to 2099-12-31/,
  ],
  [
    "a member editing someone else's entry",
    "update_time_entry",
    async () => ({ time_entry_id: (await trackedEntry(world.ada, (await billableClient(world.ada)).project.id)).id, description: "mine now" }),
    /^Time entry was not found in this workspace\.$/,
    () => grace,
  ],
];

/** Candidates, preview and draft name only the client's projects; the lists, only the workspace's records. */
function unknownIdRefusals(): [string, string, () => Promise<Args>, RegExp][] {
  const range = { from: "2000-01-01", to: "2099-12-31" };
  const menabrea = () => ({ client_id: world.demo.menabrea.id, ...range });
  const noProject = /^project_ids: no project with this id in this workspace: \S+$/;
  const otherClients = /^project_ids: is not a project of this client: \S+$/;
  const noClient = /^client_id: no client with this id in this workspace$/;
  const cases: [string, string, () => Promise<Args>, RegExp][] = [];
  for (const name of ["find_billable_candidates", "preview_invoice", "create_invoice_draft"]) {
    cases.push(
      [`an unknown project`, name, async () => ({ ...menabrea(), project_ids: ["zzz"] }), noProject],
      [`another workspace's project`, name, async () => ({ ...menabrea(), project_ids: [foreign.project] }), noProject],
      [`another client's project`, name, async () => ({ ...menabrea(), project_ids: [world.demo.docs.id] }), otherClients],
      [`an unknown client`, name, async () => ({ ...menabrea(), client_id: "zzz" }), noClient],
      [`another workspace's client`, name, async () => ({ ...menabrea(), client_id: foreign.client }), noClient],
    );
  }
  cases.push(
    ["another workspace's member", "list_time_entries", async () => ({ member_id: foreign.member }), /^member_id: no member with this id in this workspace$/],
    ["another workspace's tag", "list_time_entries", async () => ({ tag_ids: [foreign.tag] }), /^tag_ids: has an id with no tag in this workspace$/],
    ["another workspace's project", "list_time_entries", async () => ({ project_id: foreign.project }), /^project_id: no project with this id in this workspace$/],
    ["another workspace's client", "list_time_entries", async () => ({ client_id: foreign.client }), /^client_id: no client with this id in this workspace$/],
    ["another workspace's project", "list_tasks", async () => ({ project_id: foreign.project }), /^project_id: no project with this id in this workspace$/],
    ["another workspace's client", "list_projects", async () => ({ client_id: foreign.client }), /^client_id: no client with this id in this workspace$/],
    ["another workspace's client", "list_invoices", async () => ({ client_id: foreign.client }), /^client_id: no client with this id in this workspace$/],
  );
  return cases;
}

/** The field names a refusal's text starts its parts with ("member_id: …; tag_ids: …"), each as the argument it names. */
const namedFields = (text: string) => text.split("; ").flatMap((part) => /^([A-Za-z_][\w.]*): /.exec(part)?.[1]?.split(".")[0] ?? []);

describe("domain refusals", () => {
  it.each(REFUSALS)("refuses %s (%s) with the domain's message and changes nothing", async (_, name, prepare, message, who) => {
    const args = await prepare();
    const before = await workspaceSnapshot();
    const confirmationsBefore = await db.confirmationToken.count();
    const token = who ? who() : ada;
    // Consequential tools refuse at the first step: no confirmation is offered for what would fail.
    const call = await callToolOver(token, name, args);
    const text = toolError(call);
    expect(text).toMatch(message);
    // Fields are named by the tool's arguments, never by the domain's input names (membershipId, tagIds).
    const argumentNames = Object.keys(findTool(name)?.input.shape ?? {});
    for (const field of namedFields(text)) expect(argumentNames, text).toContain(field);
    expect(text).not.toMatch(/\b(membershipId|tagIds|projectIds?|clientId|entryIds|taskId|invoiceId|issueDate|dueDate|taxRate|taxNote|paidOn)\b/);
    expect(await workspaceSnapshot()).toEqual(before);
    if (findTool(name)?.confirm) expect(await db.confirmationToken.count()).toBe(confirmationsBefore);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { addIsoDays, localDateOf, localDateTime } from "@/lib/domain/dates";
import { createRule } from "@/lib/domain/rules/create-rule";
import { createTask } from "@/lib/domain/tasks/create-task";
import { callToolOver, listToolNames, mcpRequest } from "@/lib/testing/mcp-call";
import {
  billableClient,
  connect,
  decideAsPerson,
  draftInvoice,
  seedDemoWorld,
  sentInvoice,
  structured,
  toolError,
  trackedEntry,
  uniqueName,
  type DemoWorld,
} from "@/lib/testing/mcp-fixtures";
import { recordInvoicePayment } from "@/lib/domain/invoices/record-invoice-payment";
import { TOOL_CATALOG } from "./tool-catalog";
import { jsonSchemaOf, publishedInput, publishedOutput } from "./tool-schemas";

const TIME_ZONE = "Europe/London";
const CONSEQUENTIAL = ["send_invoice", "record_invoice_payment", "void_invoice", "delete_time_entry", "send_invoice_reminder", "remove_invoice_payment", "create_credit_note", "discard_timer"];
const IDEMPOTENT_WRITES = ["create_client", "create_project", "create_task", "create_tag", "create_time_entry", "create_rule", "create_invoice_draft", "record_invoice_payment", "create_credit_note", "start_timer", "stop_timer", "continue_time_entry"];

let world: DemoWorld;
let token: string;
let today: string;
let ids: { babbage: string; menabrea: string; docs: string; docsTask: string; tag: string; sentInvoice: string };

beforeAll(async () => {
  world = await seedDemoWorld();
  token = await connect(world.adaId, world.workspaceId);
  today = localDateOf(new Date(), TIME_ZONE);
  const { babbage, menabrea, docs } = world.demo;
  const docsTask = await db.task.findFirstOrThrow({ where: { projectId: docs.id, name: "Operating manual" } });
  const tag = await db.tag.findFirstOrThrow({ where: { workspaceId: world.workspaceId, name: "research" } });
  const sent = await db.invoice.findFirstOrThrow({ where: { workspaceId: world.workspaceId, status: "sent" } });
  ids = { babbage: babbage.id, menabrea: menabrea.id, docs: docs.id, docsTask: docsTask.id, tag: tag.id, sentInvoice: sent.id };
});

describe("the catalog", () => {
  it("gives every tool a unique snake_case name, a title and a description", () => {
    const names = TOOL_CATALOG.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of TOOL_CATALOG) {
      expect(tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(tool.title.length, tool.name).toBeGreaterThan(3);
      expect(tool.description.length, tool.name).toBeGreaterThan(40);
    }
  });

  it("renames domain fields only to arguments the tool has, so a refusal names what the caller gave", () => {
    for (const tool of TOOL_CATALOG) {
      const argumentNames = Object.keys(tool.input.shape);
      for (const field of Object.values(tool.fieldNames ?? {})) expect(argumentNames, tool.name).toContain(field);
    }
  });

  it("annotates every tool as closed-world, read-only exactly when its access is read", () => {
    for (const tool of TOOL_CATALOG) {
      expect(tool.annotations.openWorldHint, tool.name).toBe(false);
      expect(tool.annotations.readOnlyHint, tool.name).toBe(tool.access === "read");
      if (tool.annotations.readOnlyHint) expect(tool.annotations.destructiveHint, tool.name).toBe(false);
    }
  });

  it("keeps the consequential and idempotent tools to their lists, and admin tools behind hourbook:admin", () => {
    expect(TOOL_CATALOG.filter((t) => t.confirm).map((t) => t.name).sort()).toEqual([...CONSEQUENTIAL].sort());
    expect(TOOL_CATALOG.filter((t) => t.acceptsIdempotencyKey).map((t) => t.name).sort()).toEqual([...IDEMPOTENT_WRITES].sort());
    for (const tool of TOOL_CATALOG) expect(tool.access === "admin", tool.name).toBe(tool.scope === "hourbook:admin");
  });

  it("names every argument in snake_case and describes it", () => {
    for (const tool of TOOL_CATALOG) {
      const schema = jsonSchemaOf(publishedInput(tool), "input") as { properties?: Record<string, { description?: string }> };
      for (const [name, property] of Object.entries(schema.properties ?? {})) {
        expect(name, tool.name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(property.description, `${tool.name}.${name}`).toBeTruthy();
      }
    }
  });
});

describe("tools/list", () => {
  it("shows an owner with every scope the whole catalog, in order, with object schemas", async () => {
    const res = await mcpRequest(token, "tools/list");
    const tools = res.body.result?.tools as { name: string; inputSchema: { type: string }; outputSchema: { type: string }; annotations: { openWorldHint: boolean } }[];
    expect(tools.map((t) => t.name)).toEqual(TOOL_CATALOG.map((t) => t.name));
    for (const tool of tools) {
      expect(tool.inputSchema.type, tool.name).toBe("object");
      expect(tool.outputSchema.type, tool.name).toBe("object");
      expect(tool.annotations.openWorldHint).toBe(false);
    }
  });

  it("shows a member only what the member role allows", async () => {
    const graceToken = await connect(world.graceId, world.workspaceId, "hourbook:read hourbook:write");
    expect(await listToolNames(graceToken)).toEqual([
      "get_profile",
      "get_workspace",
      "list_clients",
      "list_projects",
      "list_tasks",
      "list_tags",
      "list_time_entries",
      "run_report",
      "get_running_timer",
      "create_task",
      "update_task",
      "create_tag",
      "create_time_entry",
      "update_time_entry",
      "start_timer",
      "continue_time_entry",
      "update_running_timer",
      "stop_timer",
      "discard_timer",
    ]);
  });

  it("shows a read-only grant only read tools", async () => {
    const readToken = await connect(world.adaId, world.workspaceId, "hourbook:read");
    expect(await listToolNames(readToken)).toEqual(TOOL_CATALOG.filter((t) => t.access === "read").map((t) => t.name));
  });

  it("shows a fine-scoped grant only the tools of its scopes", async () => {
    const timeToken = await connect(world.adaId, world.workspaceId, "time:read time:write projects:read");
    expect(await listToolNames(timeToken)).toEqual([
      "list_projects",
      "list_time_entries",
      "get_running_timer",
      "create_time_entry",
      "update_time_entry",
      "start_timer",
      "continue_time_entry",
      "update_running_timer",
      "stop_timer",
      "discard_timer",
    ]);
  });
});

type Args = Record<string, unknown>;
interface HappyPath {
  tool: string;
  args: () => Promise<Args>;
  /** Extra checks on the tool's own result (for consequential tools: `result`). */
  check?: (result: Args, args: Args) => void | Promise<void>;
}

const daysAgo = (n: number) => addIsoDays(today, -n);

const HAPPY_PATHS: HappyPath[] = [
  { tool: "get_profile", args: async () => ({}), check: (r) => expect(r).toMatchObject({ email: "ada@example.com", role: "owner", member_id: world.ada.membershipId }) },
  { tool: "get_workspace", args: async () => ({}), check: (r) => expect(r).toMatchObject({ name: "Lovelace Studio", time_zone: TIME_ZONE, currency: "EUR" }) },
  { tool: "list_clients", args: async () => ({}) },
  {
    tool: "list_projects",
    args: async () => ({ client_id: ids.babbage }),
    check: (r) => expect((r.projects as { name: string }[]).map((p) => p.name).sort()).toEqual(["Analytical Engine Website", "Difference Engine Docs"]),
  },
  { tool: "list_tasks", args: async () => ({ project_id: ids.docs, status: "in_progress" }) },
  { tool: "list_tags", args: async () => ({}) },
  {
    tool: "list_time_entries",
    args: async () => ({ from: daysAgo(40), to: today, client_id: ids.babbage, billable: true, limit: 5 }),
    check: (r) => {
      expect(r.entries).toHaveLength(5);
      expect(r.next_cursor).toEqual(expect.any(String));
    },
  },
  { tool: "list_rules", args: async () => ({}), check: (r) => expect(r.rules).toHaveLength(3) },
  { tool: "list_invoices", args: async () => ({ status: "sent" }) },
  { tool: "get_invoice", args: async () => ({ invoice_id: ids.sentInvoice }), check: (r) => expect(r).toMatchObject({ invoice: { id: ids.sentInvoice, status: "sent" } }) },
  {
    tool: "find_billable_candidates",
    args: async () => ({ client_id: ids.menabrea, from: daysAgo(60), to: today }),
    check: (r) => expect(r.amount).toBe(86_000),
  },
  {
    tool: "preview_invoice",
    args: async () => ({ client_id: ids.menabrea, from: daysAgo(60), to: today, tax_rate: 2000 }),
    check: (r) => expect(r).toMatchObject({ taxes: [{ label: "Tax", rate: 2000, amount: 17_200 }], totals: { subtotal: 86_000, discount_amount: 0, tax_amount: 17_200, total: 103_200 } }),
  },
  {
    tool: "preview_invoice",
    args: async () => ({ client_id: ids.menabrea, from: daysAgo(60), to: today, taxes: [{ label: "GST", rate: 500 }, { label: "PST", rate: 700 }], discount: { amount: 6_000 }, tax_note: "PST exempt" }),
    // 86 000 − 6 000 = 80 000; GST 4 000; PST 5 600.
    check: (r) =>
      expect(r).toMatchObject({
        taxes: [{ label: "GST", rate: 500, amount: 4_000 }, { label: "PST", rate: 700, amount: 5_600 }],
        discount: { label: "Discount", amount: 6_000 },
        tax_note: "PST exempt",
        totals: { subtotal: 86_000, discount_amount: 6_000, tax_amount: 9_600, total: 89_600 },
      }),
  },
  { tool: "run_report", args: async () => ({ kind: "time", group_by: "client", from: daysAgo(30), to: today }) },
  { tool: "get_billing_hub_summary", args: async () => ({}) },

  { tool: "create_client", args: async () => ({ name: uniqueName("Jacquard Looms"), email: "loom@jacquard.example" }) },
  {
    tool: "update_client",
    args: async () => ({ client_id: (await billableClient(world.ada)).client.id, address: "1 Rue de la Soie, Lyon", email: null }),
    check: (r) => expect(r.client).toMatchObject({ address: "1 Rue de la Soie, Lyon", email: null }),
  },
  { tool: "create_project", args: async () => ({ client_id: ids.babbage, name: uniqueName("Engine Manual"), hourly_rate: 10_000 }) },
  {
    tool: "update_project",
    args: async () => ({ project_id: (await billableClient(world.ada)).project.id, hourly_rate: null, billable_by_default: false }),
    check: (r) => expect(r.project).toMatchObject({ hourly_rate: null, billable_by_default: false }),
  },
  { tool: "create_task", args: async () => ({ project_id: ids.docs, name: uniqueName("Index"), estimate_seconds: 7200, tag_ids: [ids.tag] }) },
  {
    tool: "update_task",
    args: async () => ({ task_id: (await createTask(world.ada, { projectId: ids.docs, name: uniqueName("Errata") })).id, status: "done", tag_ids: [] }),
    check: (r) => expect(r.task).toMatchObject({ status: "done", tags: [] }),
  },
  { tool: "create_tag", args: async () => ({ name: uniqueName("tag") }) },
  {
    tool: "create_time_entry",
    args: async () => ({ project_id: ids.docs, task_id: ids.docsTask, date: daysAgo(1), start_time: "09:30", duration_seconds: 5400, description: "Indexed chapter 3", tag_ids: [ids.tag] }),
    check: (r, args) =>
      expect(r.time_entry).toMatchObject({
        started_at: localDateTime(args.date as string, "09:30", TIME_ZONE).toISOString(),
        duration_seconds: 5400,
        hourly_rate: 12_000,
        tags: [{ id: ids.tag, name: "research" }],
      }),
  },
  {
    // A date without a start time continues the member's day: it overlaps nothing tracked that day.
    tool: "create_time_entry",
    args: async () => ({ project_id: ids.docs, date: daysAgo(1), duration_seconds: 600 }),
    check: (r) => expect(r.overlaps).toEqual([]),
  },
  {
    tool: "update_time_entry",
    args: async () => ({ time_entry_id: (await trackedEntry(world.ada, ids.docs)).id, duration_seconds: 1800, started_at: `${daysAgo(3)}T08:00:00+00:00` }),
    check: (r, args) => expect(r.time_entry).toMatchObject({ duration_seconds: 1800, started_at: new Date(args.started_at as string).toISOString() }),
  },
  { tool: "delete_time_entry", args: async () => ({ time_entry_id: (await trackedEntry(world.ada, ids.docs)).id }) },
  {
    tool: "create_rule",
    args: async () => ({ kind: "minimum_duration", name: uniqueName("Minimum"), minimum_seconds: 900, project_id: (await billableClient(world.ada)).project.id }),
    check: (r) => expect(r.rule).toMatchObject({ kind: "minimum_duration", minimum_seconds: 900, active: true }),
  },
  {
    tool: "update_rule",
    args: async () => {
      const { project } = await billableClient(world.ada);
      const rule = await createRule(world.ada, { kind: "rate_override", name: uniqueName("Rate"), hourlyRate: 9_000, projectId: project.id });
      return { rule_id: rule.id, hourly_rate: 9_500, active: false };
    },
    check: (r) => expect(r.rule).toMatchObject({ hourly_rate: 9_500, active: false }),
  },
  {
    tool: "create_invoice_draft",
    args: async () => {
      const { client, project } = await billableClient(world.ada);
      await trackedEntry(world.ada, project.id, 90);
      return { client_id: client.id, from: daysAgo(7), to: today, notes: "Thank you." };
    },
    check: (r) => expect(r.invoice).toMatchObject({ status: "draft", total: 18_000, notes: "Thank you." }),
  },
  {
    tool: "update_invoice_draft",
    args: async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id, notes: "Edited", taxes: [{ label: "VAT", rate: 2000 }], discount: { rate: 1000 }, tax_note: "Reverse charge" }),
    // 12 000 − 10 % = 10 800; VAT 2 160.
    check: (r) =>
      expect(r.invoice).toMatchObject({ status: "draft", notes: "Edited", tax_note: "Reverse charge", taxes: [{ label: "VAT", rate: 2000, amount: 2_160 }], discount_amount: 1_200, total: 12_960 }),
  },
  {
    tool: "send_invoice",
    args: async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id }),
    check: (r) => expect(r.invoice).toMatchObject({ status: "sent" }),
  },
  {
    tool: "record_invoice_payment",
    args: async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, amount: 12_000, reference: "BACS 1" }),
    check: (r) => expect(r.invoice).toMatchObject({ status: "paid", balance_due: 0 }),
  },
  {
    tool: "void_invoice",
    args: async () => ({ invoice_id: (await draftInvoice(world.ada)).invoice.id }),
    check: (r) => expect(r.invoice).toMatchObject({ status: "void" }),
  },
  {
    tool: "get_invoice_pdf",
    args: async () => ({ invoice_id: ids.sentInvoice, paper_size: "letter" }),
    check: (r) => expect(r).toMatchObject({ media_type: "application/pdf", file_name: expect.stringMatching(/^INV-\d{4}\.pdf$/), uri: `hourbook://invoices/${ids.sentInvoice}/pdf` }),
  },
  {
    tool: "send_invoice_reminder",
    args: async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, message: "Friendly nudge" }),
    check: (r) => expect((r.invoice as { deliveries: unknown[] }).deliveries.at(-1)).toMatchObject({ kind: "reminder", attachment_name: expect.stringMatching(/\.pdf$/) }),
  },
  {
    tool: "remove_invoice_payment",
    args: async () => {
      const { invoice } = await sentInvoice(world.ada);
      const { payments } = await recordInvoicePayment(world.ada, { invoiceId: invoice.id, amount: 12_000 });
      return { invoice_id: invoice.id, payment_id: payments[0]!.id, reason: "Recorded twice" };
    },
    check: (r) => expect(r.invoice).toMatchObject({ status: "sent", amount_paid: 0, balance_due: 12_000, payments: [] }),
  },
  {
    tool: "create_credit_note",
    args: async () => ({ invoice_id: (await sentInvoice(world.ada)).invoice.id, lines: [{ description: "Goodwill", amount: 2_000 }], reason: "Late delivery" }),
    check: (r, args) =>
      expect(r.invoice).toMatchObject({ kind: "credit_note", status: "sent", total: -2_000, notes: "Late delivery", credited_invoice: { id: args.invoice_id } }),
  },
  // The timer, in the order a day uses it: start (two hours ago), read, edit, stop, continue, discard.
  {
    tool: "start_timer",
    args: async () => ({ project_id: ids.docs, task_id: ids.docsTask, description: "Proofs", tag_ids: [ids.tag], started_at: new Date(Date.now() - 7_200_000).toISOString(), stop_running: true }),
    check: (r) => expect(r.timer).toMatchObject({ description: "Proofs", project: { id: ids.docs }, task: { id: ids.docsTask }, tags: [{ id: ids.tag }], elapsed_seconds: expect.any(Number) }),
  },
  { tool: "get_running_timer", args: async () => ({}), check: (r) => expect(r.timer).toMatchObject({ description: "Proofs", elapsed_seconds: expect.any(Number) }) },
  { tool: "update_running_timer", args: async () => ({ description: "Proofs, chapter 2" }), check: (r) => expect(r.timer).toMatchObject({ description: "Proofs, chapter 2", task: { id: ids.docsTask } }) },
  {
    tool: "stop_timer",
    args: async () => ({}),
    check: (r) => expect(r.time_entry).toMatchObject({ description: "Proofs, chapter 2", hourly_rate: 12_000, tags: [{ id: ids.tag }], duration_seconds: expect.any(Number) }),
  },
  {
    tool: "continue_time_entry",
    args: async () => ({ time_entry_id: (await trackedEntry(world.ada, ids.docs)).id, stop_running: true }),
    check: (r) => expect(r.timer).toMatchObject({ project: { id: ids.docs } }),
  },
  { tool: "discard_timer", args: async () => ({}), check: (r) => expect(r.discarded).toMatchObject({ project: { id: ids.docs } }) },
];

describe("happy paths", () => {
  it("covers every tool in the catalog", () => {
    expect([...new Set(HAPPY_PATHS.map((h) => h.tool))].sort()).toEqual(TOOL_CATALOG.map((t) => t.name).sort());
  });

  it.each(HAPPY_PATHS.map((h) => [h.tool, h] as const))("%s succeeds and answers in its published output schema", async (name, path) => {
    const tool = TOOL_CATALOG.find((t) => t.name === name);
    if (!tool) throw new Error(`${name} is not in the catalog`);
    const output = publishedOutput(tool);
    const args = await path.args();
    let call = await callToolOver(token, name, args);
    let content = structured(call);
    expect(output.parse(content)).toEqual(content);
    if (tool.confirm) {
      expect(content.status).toBe("confirmation_required");
      if (typeof content.approval_url === "string") await decideAsPerson(content.approval_url, "approve");
      call = await callToolOver(token, name, { ...args, confirmation_token: content.confirmation_token });
      content = structured(call);
      expect(output.parse(content)).toEqual(content);
      expect(content.status).toBe("done");
    }
    expect(call.tool?.content[0]?.text).toBeTruthy();
    await path.check?.((tool.confirm ? content.result : content) as Args, args);
  });
});

describe("invalid arguments", () => {
  it.each(TOOL_CATALOG.map((t) => [t.name] as const))("%s refuses an unknown argument as a tool error", async (name) => {
    const message = toolError(await callToolOver(token, name, { surprise_argument: 1 }));
    expect(message).toMatch(new RegExp(`Invalid arguments for ${name}: .*surprise_argument`));
  });

  it.each([
    ["list_time_entries", { from: "2026-02-30" }, /from/],
    ["list_time_entries", { limit: 500 }, /limit/],
    ["create_time_entry", { project_id: "p", date: "2026-11-23", start_time: "9:30", duration_seconds: 3600 }, /start_time/],
    ["create_time_entry", { project_id: "p", started_at: "2026-11-23T09:30:00", duration_seconds: 3600 }, /started_at/],
    ["create_time_entry", { project_id: "p", started_at: "2026-11-23T09:30:00Z", duration_seconds: 30 }, /duration_seconds/],
    ["record_invoice_payment", { invoice_id: "i", amount: 12.5 }, /amount/],
    ["create_rule", { kind: "rounding", name: "R", rounding_increment_seconds: 90, rounding_direction: "up" }, /rounding_increment_seconds/],
    ["run_report", { kind: "profit", from: "2026-01-01", to: "2026-01-31" }, /kind/],
    ["create_client", { name: "x", idempotency_key: "short" }, /idempotency_key/],
    ["update_invoice_draft", { invoice_id: "i", taxes: [{ label: "A", rate: 1 }, { label: "B", rate: 2 }, { label: "C", rate: 3 }] }, /taxes/],
    ["preview_invoice", { client_id: "c", from: "2026-01-01", to: "2026-01-31", taxes: [{ label: "VAT", rate: 10_001 }] }, /taxes/],
    ["create_time_entry", { project_id: "p", started_at: "2026-11-23T09:30:00Z", duration_seconds: 3600, description: "x".repeat(1001) }, /^Invalid arguments for create_time_entry: description: must be at most 1000 characters$/],
    ["list_time_entries", { billable: "maybe" }, /billable: must be true or false/],
    ["list_tasks", { status: "later" }, /status: must be one of: open, in_progress, done/],
    ["create_client", {}, /name: is required/],
  ])("%s refuses %j, in our words", async (name, args, field) => {
    const message = toolError(await callToolOver(token, name, args));
    expect(message).toMatch(field);
    // zod's own wording ("Too big: expected string to have <=1000 characters") is not ours.
    expect(message).not.toMatch(/Invalid input|Invalid option|Too big|Too small|expected [a-z]|received|[<>]=?\d/);
  });
});

describe("update_invoice_draft refusals", () => {
  it("refuses to edit a sent invoice and says to issue a credit note", async () => {
    const { invoice } = await sentInvoice(world.ada);
    expect(toolError(await callToolOver(token, "update_invoice_draft", { invoice_id: invoice.id, notes: "Too late" }))).toMatch(/only drafts can be edited.*credit note/);
  });

  it("says when the due date is before the issue date", async () => {
    const { invoice } = await draftInvoice(world.ada);
    expect(toolError(await callToolOver(token, "update_invoice_draft", { invoice_id: invoice.id, issue_date: "2026-12-10", due_date: "2026-12-01" }))).toMatch(/due date \(2026-12-01\) is before the issue date/);
  });
});

describe("list_time_entries pagination", () => {
  it("walks every page with next_cursor without repeating an entry", async () => {
    const seen = new Set<string>();
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = structured(await callToolOver(token, "list_time_entries", { from: daysAgo(20), to: today, limit: 7, ...(cursor ? { cursor } : {}) }));
      for (const entry of page.entries as { id: string }[]) {
        expect(seen.has(entry.id)).toBe(false);
        seen.add(entry.id);
      }
      cursor = (page.next_cursor as string | null) ?? undefined;
      pages += 1;
    } while (cursor && pages < 50);
    const all = structured(await callToolOver(token, "list_time_entries", { from: daysAgo(20), to: today, limit: 200 }));
    expect(seen.size).toBe((all.entries as unknown[]).length);
    expect(pages).toBeGreaterThan(1);
  });

  it("explains an unreadable cursor", async () => {
    expect(toolError(await callToolOver(token, "list_time_entries", { cursor: "not-a-cursor" }))).toMatch(/cursor is not valid/);
  });
});

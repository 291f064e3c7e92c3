import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { setClock } from "@/lib/domain/clock";
import { localDateOf, localTimeOf } from "@/lib/domain/dates";
import { formatMoney } from "@/lib/domain/money";
import { callToolOver } from "@/lib/testing/mcp-call";
import {
  billableClient,
  connect,
  draftInvoice,
  expireConfirmation,
  requestConfirmation,
  seedDemoWorld,
  sentInvoice,
  structured,
  toolError,
  trackedEntry,
  type DemoWorld,
} from "@/lib/testing/mcp-fixtures";
import { CONFIRMATION_TTL_SECONDS } from "./confirmation";

let world: DemoWorld;
/** Ada's connection, a second connection of Ada's through another app, and Grace's. */
let ada: string;
let adaElsewhere: string;
let grace: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  // Grace is an admin here, so a refusal of her using Ada's token is about the token, not her role.
  await db.membership.update({ where: { id: world.grace.membershipId }, data: { role: "admin" } });
  [ada, adaElsewhere, grace] = await Promise.all([
    connect(world.adaId, world.workspaceId),
    connect(world.adaId, world.workspaceId),
    connect(world.graceId, world.workspaceId),
  ]);
});

type Args = Record<string, unknown>;
interface Target {
  args: Args;
  /** The same call with something changed. */
  otherArgs: Args;
  summary: string;
  /** What the operation changes, read from the database. */
  state: () => Promise<unknown>;
  /** The state after performing exactly once. */
  once: unknown;
}

const eur = (minor: number) => formatMoney(minor, "EUR");

const TOOLS: [string, () => Promise<Target>][] = [
  [
    "send_invoice",
    async () => {
      const { invoice, client } = await draftInvoice(world.ada);
      return {
        args: { invoice_id: invoice.id },
        otherArgs: { invoice_id: invoice.id, to: "someone.else@example.com" },
        summary: `Send invoice ${invoice.label}, €120.00, to ${client.name} <${client.email}>`,
        state: async () => ({
          status: (await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status,
          messages: await db.outboxMessage.count({ where: { invoiceId: invoice.id } }),
        }),
        once: { status: "sent", messages: 1 },
      };
    },
  ],
  [
    "record_invoice_payment",
    async () => {
      const { invoice, client } = await sentInvoice(world.ada);
      return {
        args: { invoice_id: invoice.id, amount: 5_000 },
        otherArgs: { invoice_id: invoice.id, amount: 6_000 },
        summary: `Record a payment of €50.00 on ${invoice.label} (balance €120.00 → €70.00) from ${client.name}`,
        state: async () => ({
          paid: (await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountPaid,
          payments: await db.payment.count({ where: { invoiceId: invoice.id } }),
        }),
        once: { paid: 5_000, payments: 1 },
      };
    },
  ],
  [
    "void_invoice",
    async () => {
      const { invoice, client, entry } = await draftInvoice(world.ada);
      const other = await draftInvoice(world.ada);
      return {
        args: { invoice_id: invoice.id },
        otherArgs: { invoice_id: other.invoice.id },
        summary: `Void invoice ${invoice.label}, ${eur(12_000)}, for ${client.name} — its time becomes billable again`,
        state: async () => ({
          status: (await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status,
          other: (await db.invoice.findUniqueOrThrow({ where: { id: other.invoice.id } })).status,
          billed: (await db.timeEntry.findUniqueOrThrow({ where: { id: entry.id } })).invoiceLineId !== null,
        }),
        once: { status: "void", other: "draft", billed: false },
      };
    },
  ],
  [
    "send_invoice_reminder",
    async () => {
      const { invoice, client } = await sentInvoice(world.ada);
      return {
        args: { invoice_id: invoice.id },
        otherArgs: { invoice_id: invoice.id, to: "someone.else@example.com" },
        summary: `Send a payment reminder for ${invoice.label} (€120.00 due, not yet overdue) to ${client.name} <${client.email}>`,
        state: async () => ({ reminders: await db.outboxMessage.count({ where: { invoiceId: invoice.id, kind: "reminder", attachmentName: `${invoice.label}.pdf` } }) }),
        once: { reminders: 1 },
      };
    },
  ],
  [
    "delete_time_entry",
    async () => {
      const { project } = await billableClient(world.ada);
      const entry = await trackedEntry(world.ada, project.id, 90);
      const other = await trackedEntry(world.ada, project.id, 30);
      return {
        args: { time_entry_id: entry.id },
        otherArgs: { time_entry_id: other.id },
        summary: `Delete 1:30 on Fixture work by Ada Lovelace (${localDateOf(entry.startedAt, "Europe/London")} at ${localTimeOf(entry.startedAt, "Europe/London")}, "Fixture work")`,
        state: async () => ({ entry: await db.timeEntry.count({ where: { id: entry.id } }), other: await db.timeEntry.count({ where: { id: other.id } }) }),
        once: { entry: 0, other: 1 },
      };
    },
  ],
];

describe.each(TOOLS)("%s", (name, prepare) => {
  it("changes nothing on the first call and says exactly what would happen, with a one-time token", async () => {
    const target = await prepare();
    const before = await target.state();
    const first = await callToolOver(ada, name, target.args);
    const content = structured(first);
    expect(content).toMatchObject({ status: "confirmation_required", summary: target.summary });
    expect(content.confirmation_token).toMatch(/^hbcf_/);
    const ttl = new Date(content.expires_at as string).getTime() - Date.now();
    expect(ttl).toBeGreaterThan((CONFIRMATION_TTL_SECONDS - 30) * 1000);
    expect(ttl).toBeLessThanOrEqual(CONFIRMATION_TTL_SECONDS * 1000);
    expect(first.tool?.content[0]?.text).toContain(target.summary);
    expect(await target.state()).toEqual(before);
  });

  it("performs once when repeated with the token, and refuses the used token after that", async () => {
    const target = await prepare();
    const before = await target.state();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    const done = structured(await callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken }));
    expect(done.status).toBe("done");
    expect(before).not.toEqual(target.once);
    const after = await target.state();
    expect(after).toEqual(target.once);

    expect(toolError(await callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken }))).toMatch(/already used/);
    expect(await target.state()).toEqual(after);
  });

  it("refuses the token with different arguments and does nothing", async () => {
    const target = await prepare();
    const before = await target.state();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    const message = toolError(await callToolOver(ada, name, { ...target.otherArgs, confirmation_token: confirmationToken }));
    expect(message).toMatch(/arguments differ/);
    expect(message).toContain(target.summary);
    expect(await target.state()).toEqual(before);
  });

  it("refuses an expired token and does nothing", async () => {
    const target = await prepare();
    const before = await target.state();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    await expireConfirmation(confirmationToken);
    expect(toolError(await callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken }))).toMatch(/expired/);
    expect(await target.state()).toEqual(before);
  });

  it("honours a token until five minutes have passed on the (injected) clock, then refuses it", async () => {
    const target = await prepare();
    const before = await target.state();
    const issuedAt = Date.now();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    setClock(() => new Date(issuedAt + CONFIRMATION_TTL_SECONDS * 1000 + 1_000));
    try {
      expect(toolError(await callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken }))).toMatch(/expired/);
    } finally {
      setClock(null);
    }
    expect(await target.state()).toEqual(before);
  });

  it.each([
    ["another connection of the same user", () => adaElsewhere],
    ["another user's connection", () => grace],
  ])("refuses a token used through %s and does nothing", async (_, otherToken) => {
    const target = await prepare();
    const before = await target.state();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    expect(toolError(await callToolOver(otherToken(), name, { ...target.args, confirmation_token: confirmationToken }))).toMatch(
      /not valid for this connection/,
    );
    expect(await target.state()).toEqual(before);
    // The token is still good where it was issued.
    expect(structured(await callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken })).status).toBe("done");
    expect(await target.state()).toEqual(target.once);
  });

  it("performs exactly once for eight concurrent repeats with one token", async () => {
    const target = await prepare();
    const confirmationToken = await requestConfirmation(ada, name, target.args);
    const calls = await Promise.all(
      Array.from({ length: 8 }, () => callToolOver(ada, name, { ...target.args, confirmation_token: confirmationToken })),
    );
    const performed = calls.filter((c) => c.tool && !c.tool.isError);
    expect(performed).toHaveLength(1);
    for (const call of calls.filter((c) => c.tool?.isError)) expect(call.tool?.content[0]?.text).toMatch(/already used/);
    expect(await target.state()).toEqual(target.once);
  });
});

it("refuses a token issued for another tool", async () => {
  const { invoice } = await draftInvoice(world.ada);
  const confirmationToken = await requestConfirmation(ada, "send_invoice", { invoice_id: invoice.id });
  expect(toolError(await callToolOver(ada, "void_invoice", { invoice_id: invoice.id, confirmation_token: confirmationToken }))).toMatch(
    /issued for send_invoice, not void_invoice/,
  );
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("draft");
});

it("refuses a made-up token", async () => {
  const { invoice } = await draftInvoice(world.ada);
  expect(toolError(await callToolOver(ada, "send_invoice", { invoice_id: invoice.id, confirmation_token: "hbcf_madeup" }))).toMatch(/not valid/);
  expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("draft");
});

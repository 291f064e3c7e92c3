import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callToolOver } from "@/lib/testing/mcp-call";
import { connect, requestConfirmation, seedDemoWorld, sentInvoice, structured, toolError, uniqueName, type DemoWorld } from "@/lib/testing/mcp-fixtures";

let world: DemoWorld;
let ada: string;
let adaElsewhere: string;

beforeAll(async () => {
  world = await seedDemoWorld();
  [ada, adaElsewhere] = await Promise.all([connect(world.adaId, world.workspaceId), connect(world.adaId, world.workspaceId)]);
});

const clientsNamed = (name: string) => db.client.count({ where: { workspaceId: world.workspaceId, name } });

describe("create_client with an idempotency key", () => {
  it("replays the first result for the same key and arguments and creates one client", async () => {
    const key = randomUUID();
    const name = uniqueName("Retry Ltd");
    const first = structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }));
    const second = structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }));
    expect(second).toEqual(first);
    expect(await clientsNamed(name)).toBe(1);
  });

  it("refuses the same key with other arguments and creates nothing", async () => {
    const key = randomUUID();
    const name = uniqueName("Conflict Ltd");
    const other = uniqueName("Other Ltd");
    structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }));
    expect(toolError(await callToolOver(ada, "create_client", { name: other, idempotency_key: key }))).toMatch(/already used with different arguments/);
    expect(await clientsNamed(other)).toBe(0);
  });

  it("creates exactly one client for eight concurrent calls with one key", async () => {
    const key = randomUUID();
    const name = uniqueName("Stampede Ltd");
    const calls = await Promise.all(Array.from({ length: 8 }, () => callToolOver(ada, "create_client", { name, idempotency_key: key })));
    const succeeded = calls.filter((c) => c.tool && !c.tool.isError).map((c) => c.tool?.structuredContent);
    expect(succeeded.length).toBeGreaterThanOrEqual(1);
    for (const result of succeeded) expect(result).toEqual(succeeded[0]);
    // The others were told to retry: never a second attempt (which would fail "already exists").
    for (const call of calls.filter((c) => c.tool?.isError)) expect(call.tool?.content[0]?.text).toMatch(/still being processed/);
    expect(await clientsNamed(name)).toBe(1);
    // Once settled, a retry gets the result.
    expect(structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }))).toEqual(succeeded[0]);
  });

  it("keeps keys per grant: another connection may use the same key for its own request", async () => {
    const key = randomUUID();
    const mine = uniqueName("Mine Ltd");
    const theirs = uniqueName("Theirs Ltd");
    structured(await callToolOver(ada, "create_client", { name: mine, idempotency_key: key }));
    const other = structured(await callToolOver(adaElsewhere, "create_client", { name: theirs, idempotency_key: key }));
    expect(other).toMatchObject({ client: { name: theirs } });
    expect(await clientsNamed(theirs)).toBe(1);
  });

  it("keeps keys per tool", async () => {
    const key = randomUUID();
    structured(await callToolOver(ada, "create_client", { name: uniqueName("Keyed Ltd"), idempotency_key: key }));
    expect(structured(await callToolOver(ada, "create_tag", { name: uniqueName("keyed"), idempotency_key: key }))).toMatchObject({ tag: {} });
  });

  it("frees the key of a refused write for a corrected retry", async () => {
    const key = randomUUID();
    expect(toolError(await callToolOver(ada, "create_client", { name: "Babbage & Co", idempotency_key: key }))).toMatch(/already exists/);
    const name = uniqueName("Corrected Ltd");
    expect(structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }))).toMatchObject({ client: { name } });
  });

  it("stops binding a key once its record is older than 24 hours", async () => {
    const key = randomUUID();
    const name = uniqueName("Yesterday Ltd");
    const first = structured(await callToolOver(ada, "create_client", { name, idempotency_key: key }));
    const { count } = await db.idempotencyRecord.updateMany({ where: { key, operation: "mcp:create_client" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(count).toBe(1);
    // Other arguments are no conflict any more…
    const later = uniqueName("Today Ltd");
    expect(structured(await callToolOver(ada, "create_client", { name: later, idempotency_key: key }))).toMatchObject({ client: { name: later } });
    expect(await clientsNamed(name)).toBe(1);
    expect(first).toMatchObject({ client: { name } });
  });

  it("records the key for 24 hours", async () => {
    const key = randomUUID();
    structured(await callToolOver(ada, "create_client", { name: uniqueName("Kept Ltd"), idempotency_key: key }));
    const record = await db.idempotencyRecord.findFirstOrThrow({ where: { key } });
    expect(record.expiresAt.getTime() - record.createdAt.getTime()).toBeGreaterThanOrEqual(24 * 3600 * 1000 - 1000);
    expect(record.status).toBe("completed");
  });
});

describe("record_invoice_payment with an idempotency key", () => {
  it("replays a confirmed payment retried with its key instead of paying twice", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const args = { invoice_id: invoice.id, amount: 4_000 };
    const key = randomUUID();
    const confirmationToken = await requestConfirmation(ada, "record_invoice_payment", args);

    const first = structured(await callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: confirmationToken, idempotency_key: key }));
    expect(first).toMatchObject({ status: "done", result: { invoice: { amount_paid: 4_000, balance_due: 8_000 } } });

    // A retry after a lost response: same token, same key.
    const retry = structured(await callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: confirmationToken, idempotency_key: key }));
    expect(retry).toEqual(first);
    // A retry that asked again for confirmation: a fresh token, same key.
    const fresh = await requestConfirmation(ada, "record_invoice_payment", args);
    expect(structured(await callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: fresh, idempotency_key: key }))).toEqual(first);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);

    // A new key is a new payment, and still needs its own confirmation.
    expect(
      toolError(await callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: confirmationToken, idempotency_key: randomUUID() })),
    ).toMatch(/already used/);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it("refuses the key for a different payment", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const key = randomUUID();
    const args = { invoice_id: invoice.id, amount: 1_000 };
    const token = await requestConfirmation(ada, "record_invoice_payment", args);
    structured(await callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: token, idempotency_key: key }));
    const other = { invoice_id: invoice.id, amount: 2_000 };
    const otherToken = await requestConfirmation(ada, "record_invoice_payment", other);
    expect(toolError(await callToolOver(ada, "record_invoice_payment", { ...other, confirmation_token: otherToken, idempotency_key: key }))).toMatch(
      /already used with different arguments/,
    );
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
  });

  it("pays once for eight concurrent confirmed calls with one key", async () => {
    const { invoice } = await sentInvoice(world.ada);
    const args = { invoice_id: invoice.id, amount: 3_000 };
    const key = randomUUID();
    const token = await requestConfirmation(ada, "record_invoice_payment", args);
    const calls = await Promise.all(
      Array.from({ length: 8 }, () => callToolOver(ada, "record_invoice_payment", { ...args, confirmation_token: token, idempotency_key: key })),
    );
    expect(calls.some((c) => c.tool && !c.tool.isError)).toBe(true);
    expect(await db.payment.count({ where: { invoiceId: invoice.id } })).toBe(1);
    expect((await db.invoice.findUniqueOrThrow({ where: { id: invoice.id } })).amountPaid).toBe(3_000);
  });
});

import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { loadDemoData } from "@/lib/testing/demo-data";
import { createClient, type CreateClientInput } from "./create-client";
import { listClients } from "./list-clients";
import { updateClient, type UpdateClientInput } from "./update-client";

let ada: Actor;
let grace: Actor;
let babbageId: string;

beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
  grace = await resolveActor(demo.grace.id, { slug: "lovelace-studio" });
  babbageId = demo.babbage.id;
});

const babbageRow = () => db.client.findUniqueOrThrow({ where: { id: babbageId } });

describe("a client's billing details", () => {
  it("creates a client with a billing address, tax ID and invoice email", async () => {
    const client = await createClient(ada, {
      name: "Somerville Ltd",
      email: "mary@somerville.example",
      address: " 12 Chelsea Walk \r\nLondon SW3 \r\n",
      taxId: " GB 111 2222 33 ",
      invoiceEmail: " ap@somerville.example ",
    });
    expect(client).toMatchObject({ address: "12 Chelsea Walk\nLondon SW3", taxId: "GB 111 2222 33", invoiceEmail: "ap@somerville.example" });
    expect((await listClients(ada)).find((c) => c.id === client.id)).toMatchObject({ taxId: "GB 111 2222 33", invoiceEmail: "ap@somerville.example" });
  });

  it("leaves out what is not given; empty or null clears it", async () => {
    const client = await createClient(ada, { name: "Herschel & Sons", taxId: "", invoiceEmail: "" });
    expect(client).toMatchObject({ email: null, address: null, taxId: null, invoiceEmail: null });
    await updateClient(ada, { id: babbageId, invoiceEmail: "ap@babbage.example" });
    const renamed = await updateClient(ada, { id: babbageId, name: "Babbage & Co" });
    expect(renamed).toMatchObject({ email: "accounts@babbage.example", address: "1 Dorset Street\nLondon W1U 4EG", taxId: "GB 987 6543 21", invoiceEmail: "ap@babbage.example" });
    expect(await updateClient(ada, { id: babbageId, invoiceEmail: null, taxId: "" })).toMatchObject({ invoiceEmail: null, taxId: null, email: "accounts@babbage.example" });
    await updateClient(ada, { id: babbageId, taxId: "GB 987 6543 21" });
  });

  it.each([
    ["an invoice email that is not one", { invoiceEmail: "ap at babbage" }, "invoiceEmail", /email address/],
    ["a tax ID with symbols", { taxId: "GB<987>" }, "taxId", /letters, digits, spaces/],
    ["a tax ID over 40 characters", { taxId: "9".repeat(41) }, "taxId", /at most 40/],
    ["a billing address over 500 characters", { address: "A".repeat(501) }, "address", /at most 500/],
    ["a billing address of nine lines", { address: Array(9).fill("line").join("\n") }, "address", /at most 8 lines/],
    ["an email that is not one", { email: "accounts" }, "email", /email address/],
  ])("refuses %s on update, naming the field, and changes nothing", async (_, input, field, message) => {
    const before = await babbageRow();
    const error = await updateClient(ada, { id: babbageId, name: "Renamed", ...input } as UpdateClientInput).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.stringMatching(message) } });
    expect(await babbageRow()).toEqual(before);
  });

  it.each([
    ["an invoice email that is not one", { invoiceEmail: "nobody" }, "invoiceEmail"],
    ["a tax ID with symbols", { taxId: "<script>" }, "taxId"],
  ])("refuses %s on create and creates nothing", async (_, input, field) => {
    const count = await db.client.count();
    await expect(createClient(ada, { name: "Never Ltd", ...input } as CreateClientInput)).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { [field]: expect.any(String) } });
    expect(await db.client.count()).toBe(count);
  });

  it("a member may not change a client's billing details", async () => {
    const before = await babbageRow();
    await expect(updateClient(grace, { id: babbageId, taxId: "XX 1" })).rejects.toMatchObject({ code: "forbidden" });
    expect(await babbageRow()).toEqual(before);
  });
});

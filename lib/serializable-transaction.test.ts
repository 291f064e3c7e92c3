/** serializableTransaction turns the database's serialization failure, in either shape Prisma gives it, into the caller's conflict. */
import { describe, expect, it } from "vitest";
import { serializableTransaction } from "@/lib/db";

const conflict = () => new Error("changed meanwhile");
const failingWith = (error: unknown) => serializableTransaction(async () => Promise.reject(error), conflict);

describe("serializableTransaction", () => {
  it.each([
    ["Prisma's P2034 (the commit failed)", Object.assign(new Error("Transaction failed"), { code: "P2034" })],
    ["the adapter's TransactionWriteConflict (a statement failed)", Object.assign(new Error("TransactionWriteConflict"), { cause: { kind: "TransactionWriteConflict", originalCode: "40001" } })],
    ["a bare SQLSTATE 40001", Object.assign(new Error("could not serialize"), { cause: { originalCode: "40001" } })],
  ])("answers %s with the caller's conflict", async (_, error) => {
    await expect(failingWith(error)).rejects.toThrow("changed meanwhile");
  });

  it("lets any other failure through as it is", async () => {
    await expect(failingWith(Object.assign(new Error("unique"), { code: "P2002" }))).rejects.toThrow("unique");
  });

  it("returns what the work returns", async () => {
    await expect(serializableTransaction(async () => 42, conflict)).resolves.toBe(42);
  });
});

/** Stopping the server writes what the app kept behind (lib/write-behind.ts) first. */
import { describe, expect, it } from "vitest";
import { writeBehind } from "@/lib/write-behind";
import { flushWriteBehind } from "./serve.mjs";

describe("flushWriteBehind (on stop)", () => {
  it("writes every queue the app registered", async () => {
    const written: string[] = [];
    writeBehind("test-a", 60_000, async () => void written.push("a")).schedule();
    writeBehind("test-b", 60_000, async () => void written.push("b")).schedule();
    await flushWriteBehind();
    expect(written.sort()).toEqual(["a", "b"]);
  });

  it("gives up after its timeout when the database does not answer", async () => {
    writeBehind("test-stuck", 60_000, () => new Promise<void>(() => {})).schedule();
    const started = Date.now();
    await flushWriteBehind(200);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});

/**
 * /api/health tells the truth about storage: ok with a real committed test write, degraded
 * (still 200, 503 with ?strict) when the database is read-only or the disk is full, down (503)
 * when the database cannot be read. Where this machine allows mounting, the database of this
 * file lives on a small tmpfs of its own that the full-disk test fills for real.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { mountTmpfs } from "./testing/tmpfs";

const mounted = mountTmpfs(16, "hourbook-health-");
if (mounted.ok) {
  // lib/env reads the environment when first imported: point it at the tmpfs before that.
  const file = path.join(mounted.tmpfs.dir, "hourbook.db");
  fs.copyFileSync(process.env.DATABASE_URL!.replace(/^file:/, ""), file);
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  raw.close();
  process.env.DATABASE_URL = `file:${file}`;
}
const { checkHealth, healthStatusCode, measureHealth, LOW_SPACE_BYTES } = await import("./health");
const { db } = await import("./db");

afterAll(async () => {
  await db.$disconnect();
  if (mounted.ok) mounted.tmpfs.unmount();
});

describe("health", () => {
  it("is ok when a test write commits, with the free space of the database's disk", async () => {
    const health = await measureHealth();
    expect(health).toMatchObject({ ok: true, status: "ok", database: "up", storage: "writable" });
    expect(health.freeBytes).toBeGreaterThan(LOW_SPACE_BYTES);
    expect(health.reason).toBeUndefined();
    expect(await db.storageProbe.findUnique({ where: { id: 1 } })).not.toBeNull();
    expect(healthStatusCode(health, true)).toBe(200);
  });

  it("is degraded, still 200 (503 when strict), when the database is read-only", async () => {
    await db.$queryRawUnsafe("PRAGMA query_only = 1");
    try {
      const health = await measureHealth();
      expect(health).toMatchObject({ ok: true, status: "degraded", database: "up", storage: "read_only", reason: "the database is read-only" });
      expect(healthStatusCode(health, false)).toBe(200);
      expect(healthStatusCode(health, true)).toBe(503);
    } finally {
      await db.$queryRawUnsafe("PRAGMA query_only = 0");
    }
  });

  it("is degraded when the disk is full, and ok again once there is space", async (ctx) => {
    if (!mounted.ok) return ctx.skip(mounted.reason);
    mounted.tmpfs.fill();
    try {
      const health = await measureHealth();
      expect(health).toMatchObject({ ok: true, status: "degraded", database: "up" });
      expect(["full", "low_space"]).toContain(health.storage);
      expect(health.reason).toMatch(/the disk is (nearly )?full/);
      expect(health.freeBytes).toBeLessThan(LOW_SPACE_BYTES);
    } finally {
      mounted.tmpfs.drain();
    }
    expect(await measureHealth()).toMatchObject({ status: "ok", storage: "writable" });
  });

  it("answers 503 only when the database cannot be read", () => {
    const base = { ok: false, database: "down", storage: "unavailable", checkedAt: "" } as const;
    expect(healthStatusCode({ ...base, status: "down" }, false)).toBe(503);
  });

  it("measures at most once per interval, however often it is asked", async () => {
    const [a, b] = await Promise.all([checkHealth(), checkHealth()]);
    expect(a).toBe(b);
    expect(await checkHealth()).toBe(a);
  });
});

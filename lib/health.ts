/**
 * GET /api/health, for load balancers, start-up scripts and operators: can this instance read
 * its database, and can its storage take writes right now?
 *
 * - `status: "ok"` (200): reads and writes work.
 * - `status: "degraded"` (200): reads work, writes do not or soon will not — `storage` says
 *   which (`full`, `low_space`, `read_only`, `io_error`, `failing`) and `reason` says why. 200 on
 *   purpose: such an instance still answers every read, and each write gets a 503 saying why. A
 *   load balancer that took it out of rotation would turn a write outage into a total one — and,
 *   with a shared disk, take every instance out at once. Alert on `status`; a check that must
 *   fail unless everything works polls `/api/health?strict`, which answers 503 when degraded.
 * - `status: "down"` (503): the database cannot be read.
 * `ok` keeps its old meaning, "serving": true unless down (so `response.ok` callers still work).
 *
 * The write check is a real one: the StorageProbe row is upserted and committed (a full disk,
 * a read-only mount or I/O errors fail it), and on SQLite the free space of the database's disk
 * is read (statfs). SQLite can still fit a small write into its log on a disk with a few bytes
 * left, so below LOW_SPACE_BYTES free the state is `low_space` even while the test write passes.
 * A result is reused for HEALTH_CACHE_MS: however hard a load balancer polls, it costs at most
 * one small write per interval.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { databaseFile, db } from "@/lib/db";
import { storageUnavailableOf, type StorageProblem } from "@/lib/db-errors";

export type StorageState = "writable" | "low_space" | "failing" | StorageProblem;

export interface Health {
  /** The instance serves requests: false only when the database cannot be read. */
  ok: boolean;
  status: "ok" | "degraded" | "down";
  database: "up" | "down";
  storage: StorageState;
  /** Why, when not ok: "the disk is full". */
  reason?: string;
  /** Free space on the database's disk (SQLite). */
  freeBytes?: number;
  checkedAt: string;
}

/** Below this much free space the disk counts as nearly full. */
export const LOW_SPACE_BYTES = 8 * 1024 * 1024;
export const HEALTH_CACHE_MS = 2_000;

let cached: { health: Promise<Health>; until: number } | undefined;

/** The current health, measured at most once per HEALTH_CACHE_MS (concurrent callers share one measurement). */
export function checkHealth(): Promise<Health> {
  const now = Date.now();
  if (!cached || cached.until <= now) cached = { health: measureHealth(), until: now + HEALTH_CACHE_MS };
  return cached.health;
}

/** 200 while the instance serves (ok or degraded), 503 when down; with `strict`, 503 unless ok. */
export function healthStatusCode(health: Health, strict: boolean): number {
  if (health.status === "ok") return 200;
  return health.status === "degraded" && !strict ? 200 : 503;
}

export async function measureHealth(): Promise<Health> {
  const checkedAt = new Date().toISOString();
  const freeBytes = await freeBytesOfDatabaseDisk();
  const space = freeBytes === undefined ? {} : { freeBytes };
  try {
    await db.storageProbe.findFirst({ select: { id: true } });
  } catch (error) {
    const storage = storageUnavailableOf(error);
    if (!storage) console.error("Health check: the database cannot be read", error);
    const reason = storage?.reason ?? "the database cannot be read; see the server log";
    return { ok: false, status: "down", database: "down", storage: storage?.problem ?? "failing", reason, ...space, checkedAt };
  }
  const degraded = (storage: StorageState, reason: string): Health => ({ ok: true, status: "degraded", database: "up", storage, reason, ...space, checkedAt });
  try {
    const writtenAt = new Date();
    await db.storageProbe.upsert({ where: { id: 1 }, create: { id: 1, writtenAt }, update: { writtenAt } });
  } catch (error) {
    const storage = storageUnavailableOf(error);
    if (storage) return degraded(storage.problem, storage.reason);
    console.error("Health check: the test write failed", error);
    return degraded("failing", "a test write failed; see the server log");
  }
  if (freeBytes !== undefined && freeBytes < LOW_SPACE_BYTES) return degraded("low_space", `the disk is nearly full (${formatBytes(freeBytes)} free)`);
  return { ok: true, status: "ok", database: "up", storage: "writable", ...space, checkedAt };
}

async function freeBytesOfDatabaseDisk(): Promise<number | undefined> {
  const file = databaseFile();
  if (!file) return undefined;
  try {
    const stats = await fs.statfs(path.dirname(file));
    return stats.bavail * stats.bsize;
  } catch {
    return undefined;
  }
}

function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.floor(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

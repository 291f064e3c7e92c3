/**
 * Durability against a real crash: a server of its own (the production build through
 * scripts/serve.mjs, on a free port, with its own freshly seeded data folder) is SIGKILLed in
 * the middle of a burst of keyed REST writes — time entries and payments — and restarted on the
 * same database. Every retry with the same key and body must either replay the committed result
 * or perform the write once: never a 409 "still being processed", never a second entry or
 * payment. The same server also shows the start-up sweep at work on its bookkeeping tables.
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { prepareData } from "../scripts/prepare-data.mjs";
import type { CrashFixture } from "./support/crash-fixture";

/** ACTIVITY_KEPT_PER_CONNECTION in lib/domain/connections/trim-connection-activity.ts. */
const ACTIVITY_KEPT_PER_CONNECTION = 50;
const ENTRIES = 30;
const PAYMENTS = 6;
const PAYMENT_AMOUNT = 100;
/**
 * The kill comes as soon as this many of the burst's idempotency records are committed — the
 * other writes are then in flight at every stage: authenticating, queued for the database,
 * mid-transaction, committed but unanswered — or KILL_AT_THE_LATEST_MS after the burst started.
 */
const KILL_AFTER_RECORDS = 8;
const KILL_AT_THE_LATEST_MS = 5_000;

test.describe.configure({ mode: "serial", timeout: 120_000 });

interface Answer {
  status: number;
  replayed: boolean;
  body: Record<string, unknown>;
}

interface KeyedWrite {
  key: string;
  path: string;
  body: Record<string, unknown>;
}

/** One `node scripts/serve.mjs` in a process group of its own, so a kill takes all of it down. */
class CrashServer {
  private child: ChildProcess | null = null;
  private output = "";

  constructor(
    readonly baseURL: string,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, ["scripts/serve.mjs"], { env: this.env, detached: true, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout?.on("data", (chunk) => (this.output += chunk));
    child.stderr?.on("data", (chunk) => (this.output += chunk));
    this.child = child;
    const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        await closed; // its last words are in the pipes
        throw new Error(`The crash server exited while starting:\n${this.output}`);
      }
      if (await fetch(`${this.baseURL}/api/health`).then((r) => r.ok, () => false)) return;
      await sleep(100);
    }
    throw new Error(`The crash server did not answer /api/health within 60 s:\n${this.output}`);
  }

  /** `kill -9` of the whole process group: no shutdown code runs, open transactions die with it. */
  async kill(): Promise<void> {
    await this.signal("SIGKILL");
  }

  async stop(): Promise<void> {
    if (!this.child) return;
    const exited = this.signal("SIGTERM");
    const timedOut = await Promise.race([exited.then(() => false), sleep(5_000).then(() => true)]);
    if (timedOut) await this.kill();
  }

  private async signal(signal: NodeJS.Signals): Promise<void> {
    const child = this.child;
    if (!child?.pid) return;
    const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : new Promise<void>((resolve) => child.once("exit", () => resolve()));
    try {
      process.kill(-child.pid, signal);
    } catch {
      // ESRCH: the group is already gone.
    }
    await exited;
    if (signal === "SIGKILL") this.child = null;
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let dataDir: string;
let databaseFile: string;
let server: CrashServer;
let fixture: CrashFixture;

test.beforeAll(async () => {
  test.setTimeout(120_000); // seeding a fresh database and a cold start take a while on a busy machine
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-crash-"));
  databaseFile = path.join(dataDir, "hourbook.db");
  const port = await freePort();
  const baseURL = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    HOURBOOK_DATA_DIR: dataDir,
    DATABASE_URL: `file:${databaseFile}`,
    APP_URL: baseURL,
    NEXTAUTH_URL: baseURL,
    PORT: String(port),
    HOURBOOK_HOST: "127.0.0.1",
    NEXT_TELEMETRY_DISABLED: "1",
  };
  await prepareData({ env });
  const printed = execFileSync(path.join("node_modules", ".bin", "tsx"), ["--conditions=react-server", "e2e/support/crash-fixture.ts"], { env, encoding: "utf8" });
  fixture = JSON.parse(printed.trim().split("\n").at(-1) ?? "") as CrashFixture;
  server = new CrashServer(baseURL, env);
  await server.start();
});

test.afterAll(async () => {
  await server?.stop();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

async function post(write: KeyedWrite): Promise<Answer> {
  const response = await fetch(`${server.baseURL}${write.path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${fixture.token}`, "Content-Type": "application/json", "Idempotency-Key": write.key },
    body: JSON.stringify(write.body),
  });
  const text = await response.text();
  return { status: response.status, replayed: response.headers.get("idempotent-replayed") === "true", body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Now as Prisma's SQLite adapter stores a DateTime (ISO 8601 text), for comparisons in SQL. */
const sqliteNow = () => new Date().toISOString().replace("Z", "+00:00");

function readDatabase<T>(read: (db: Database.Database) => T): T {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Resolves once `count` committed idempotency records have keys starting with `prefix`, or after `timeoutMs`. */
async function recordsCommitted(prefix: string, count: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const query = db.prepare(`SELECT COUNT(*) AS n FROM "IdempotencyRecord" WHERE "key" LIKE ?`);
    while (Date.now() < deadline && (query.get(`${prefix}%`) as { n: number }).n < count) await sleep(2);
  } finally {
    db.close();
  }
}

test("a keyed write cut off by kill -9 is replayed or performed once when retried after the restart", async () => {
  const run = randomBytes(4).toString("hex");
  const startedAt = new Date(Date.now() - 2 * 3600 * 1000).toISOString();
  const writes: KeyedWrite[] = [
    ...Array.from({ length: ENTRIES }, (_, i): KeyedWrite => {
      const key = `crash-${run}-entry-${i}`;
      return { key, path: "/api/v1/time-entries", body: { project_id: fixture.projectId, started_at: startedAt, duration_seconds: 600 + i * 60, description: key, billable: false } };
    }),
    ...Array.from({ length: PAYMENTS }, (_, i): KeyedWrite => {
      const key = `crash-${run}-payment-${i}`;
      return { key, path: `/api/v1/invoices/${fixture.invoiceId}/payments`, body: { amount: PAYMENT_AMOUNT, reference: key } };
    }),
  ];
  expect(fixture.balance).toBeGreaterThanOrEqual((PAYMENTS + 1) * PAYMENT_AMOUNT);

  // Warm both routes up with a write each, so the burst is spent in the writes rather than in loading code.
  for (const write of [writes[0]!, writes[ENTRIES]!]) {
    const body = "description" in write.body ? { ...write.body, description: "warm-up" } : { ...write.body, reference: "warm-up" };
    expect((await post({ path: write.path, key: `warm-up-${write.key}`, body })).status).toBe(201);
  }

  const firsts = writes.map((write) => post(write).catch(() => null)); // null: cut off by the kill
  await recordsCommitted(`crash-${run}-`, KILL_AFTER_RECORDS, KILL_AT_THE_LATEST_MS);
  await server.kill();
  const before = await Promise.all(firsts);
  const cutOff = before.filter((a) => a === null).length;
  expect(cutOff, "the kill should land in the middle of the burst").toBeGreaterThan(0);
  for (const answer of before) if (answer) expect(answer.status, JSON.stringify(answer.body)).toBe(201);

  await server.start();
  const retries = await Promise.all(writes.map(post));
  for (const [i, retry] of retries.entries()) {
    const write = writes[i]!;
    expect(retry.status, `${write.key}: ${JSON.stringify(retry.body)}`).toBe(201);
    const first = before[i];
    if (first) {
      expect(retry.replayed, write.key).toBe(true);
      expect(retry.body).toEqual(first.body);
    }
  }
  const committedUnanswered = retries.filter((r, i) => r.replayed && !before[i]).length;
  console.log(`Crash burst: ${writes.length - cutOff} writes answered before the kill, ${cutOff} cut off; of those, ${committedUnanswered} were committed (replayed after the restart) and ${cutOff - committedUnanswered} performed by their retry.`);

  readDatabase((db) => {
    for (const [i, write] of writes.entries()) {
      const records = db.prepare(`SELECT status FROM "IdempotencyRecord" WHERE "grantId" = ? AND "key" = ?`).all(fixture.grantId, write.key);
      expect(records, write.key).toEqual([{ status: "completed" }]);
      if (i < ENTRIES) {
        const rows = db.prepare(`SELECT id FROM "TimeEntry" WHERE description = ?`).all(write.key) as { id: string }[];
        expect(rows.map((r) => r.id), write.key).toEqual([retries[i]!.body.id]);
      } else {
        expect(db.prepare(`SELECT COUNT(*) AS n FROM "Payment" WHERE reference = ?`).get(write.key), write.key).toEqual({ n: 1 });
      }
    }
    const invoice = db.prepare(`SELECT "amountPaid" FROM "Invoice" WHERE id = ?`).get(fixture.invoiceId) as { amountPaid: number };
    expect(invoice.amountPaid).toBe(fixture.amountPaid + (PAYMENTS + 1) * PAYMENT_AMOUNT); // and the warm-up's
  });
});

test("each start of the server sweeps expired idempotency keys and trims per-connection activity", async () => {
  // The fixture left an expired key and more activity than is kept, and the calls above added
  // more. The sweep runs in the background as the server starts.
  await server.stop();
  await server.start();
  const counts = () =>
    readDatabase((db) => ({
      expired: (db.prepare(`SELECT COUNT(*) AS n FROM "IdempotencyRecord" WHERE "expiresAt" < ?`).get(sqliteNow()) as { n: number }).n,
      activity: (db.prepare(`SELECT COUNT(*) AS n FROM "ConnectionActivity" WHERE "grantId" = ?`).get(fixture.grantId) as { n: number }).n,
    }));
  await expect.poll(counts, { timeout: 15_000 }).toEqual({ expired: 0, activity: ACTIVITY_KEPT_PER_CONNECTION });
});

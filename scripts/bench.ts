/**
 * `npm run bench`: the production build under load, once per database engine (SQLite, then
 * PostgreSQL), each on a fresh copy of the demo data grown to 100,000 time entries in one
 * workspace, loaded with autocannon (50 connections). Per engine, side by side:
 *
 * - two floors: a bare route with fixed JSON (the framework's ceiling) and /bench/mcp, the MCP
 *   SDK with no auth and no database (the protocol's own cost; tools/list and a tools/call that
 *   runs nothing);
 * - MCP `tools/call list_time_entries` (page of 50), `find_billable_candidates` (one month) and
 *   `tools/list`, authenticated as Ada;
 * - the token endpoint's refresh grant, one rotating refresh-token chain per connection;
 * - first, before any load: a CSV export of all 100,000 entries (GET /api/v1/time-entries with
 *   Accept: text/csv, one client), its time, first byte, size, and the server's peak RSS
 *   against its steady state just before (target: under steady state + 50 MB, as it streams).
 *
 * Once per run, node-oidc-provider (scripts/bench-oidc-provider.mjs, a process of its own, no
 * database) answers the same refresh scenario as the reference authorization server for both
 * engines' refresh rows. Each row reports requests/s, p50/p99 latency and its ratio to the
 * floors or the reference; each server's peak RSS is sampled. Targets are checked and reported;
 * results go to .bench/results.json.
 *
 * Env: BENCH_PORT (default 3300), BENCH_OIDC_PORT (default BENCH_PORT + 1), BENCH_SECONDS
 * (default 10), BENCH_ENGINES (default "sqlite,postgresql"), BENCH_CSV_ONLY=1 (only the CSV
 * export: no reference server, no loads).
 */
import autocannon from "autocannon";
import { randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { type BenchFixture, ENTRY_TARGET } from "./bench-fixture";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const OIDC_PORT = Number(process.env.BENCH_OIDC_PORT ?? PORT + 1);
const BASE = `http://127.0.0.1:${PORT}`;
const OIDC_BASE = `http://127.0.0.1:${OIDC_PORT}`;
const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARM_UP_SECONDS = 2;
const ENGINES = ["sqlite", "postgresql"] as const;
type Engine = (typeof ENGINES)[number];
const CSV_ONLY = process.env.BENCH_CSV_ONLY === "1";
/** The CSV export's memory target: the server's peak RSS while exporting, over its steady state. */
const CSV_RSS_BUDGET_MB = 50;
const selectedEngines = (process.env.BENCH_ENGINES ?? ENGINES.join(","))
  .split(",")
  .map((e) => e.trim())
  .filter((e): e is Engine => (ENGINES as readonly string[]).includes(e));
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".bench");
const tsx = path.join(root, "node_modules", ".bin", "tsx");
/** Refresh chains minted per engine: a fresh one per connection for the warm-up and for the measured run, one for the check. */
const REFRESH_CHAINS = 2 * CONNECTIONS + 1;

// Its own build folder, so benchmarking never replaces a build another server is using;
// scripts/start.mjs reads it when first imported.
process.env.NEXT_DIST_DIR = ".next-bench";

/** What every process of the run shares; each engine adds its data folder and DATABASE_URL. */
const baseEnv: NodeJS.ProcessEnv = {
  ...process.env,
  APP_URL: BASE,
  NEXTAUTH_URL: BASE,
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: "1",
  // Measures throughput, not the rate limits: per connection (600/min by default) and at the
  // token endpoint per client and address (RATE_LIMITS.token, 120/min). Both still count.
  HOURBOOK_CONNECTION_RATE_LIMIT: "100000000",
  HOURBOOK_TOKEN_RATE_LIMIT: "100000000",
  // Serves /bench/mcp, the bare MCP route (a 404 in any other server).
  HOURBOOK_BENCH_ROUTES: "1",
  HOURBOOK_DATA_DIR: path.join(dataDir, "sqlite"),
  DATABASE_URL: `file:${path.join(dataDir, "sqlite", "hourbook.db")}`,
};

/** One load: how to check it succeeds once, and the autocannon options for a run. */
interface Load {
  name: string;
  /** Which floor or reference its throughput is compared with. */
  kind: "floor" | "mcp" | "refresh";
  check(): Promise<void>;
  options(): Promise<autocannon.Options>;
}

interface Measured {
  name: string;
  kind: Load["kind"];
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  /** The machine's 1-minute load average as the run ended: other work on the cores skews every number. */
  loadAverage: number;
}

interface Rss {
  totalMb: number;
  serverMb: number;
}

interface CsvExportMeasured {
  rows: number;
  megabytes: number;
  seconds: number;
  firstByteMs: number;
  /** The server process's RSS just before the export, after a small export warmed the route. */
  steadyMb: number;
  /** Its peak RSS during the export (sampled every 50 ms). */
  peakMb: number;
}

type EngineResult = { engine: Engine; status: "measured"; results: Measured[]; rss: Rss; csvExport: CsvExportMeasured; csvTenth: CsvExportMeasured } | { engine: Engine; status: "skipped"; reason: string };

interface Reference {
  refresh: Measured;
  rss: Rss;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { ensureBuild, stopChildrenOnExit } = await import("./start.mjs");
  stopChildrenOnExit();
  await ensureBuild({ env: baseEnv });
  // The load generator shares the machine with the servers; anything else running skews the ratios.
  const [idle] = os.loadavg();
  if (idle! > 0.5) console.warn(`Warning: the 1-minute load average is ${idle!.toFixed(1)} before the first scenario: other work on this machine will skew the numbers.`);

  const reference = CSV_ONLY ? null : await benchReference();
  const engines: EngineResult[] = [];
  for (const engine of selectedEngines) engines.push(await benchEngine(engine));
  report(engines, reference);
  process.exit(0); // stopChildrenOnExit takes any server's process group down
}

// ---------------------------------------------------------------------------------------------
// The reference: node-oidc-provider, in a process of its own.

async function benchReference(): Promise<Reference> {
  const { runInGroup } = await import("./start.mjs");
  const secret = randomBytes(24).toString("base64url");
  console.log(`\nStarting oidc-provider (the reference authorization server) on ${OIDC_BASE}…`);
  const server = runInGroup(process.execPath, [path.join(root, "scripts/bench-oidc-provider.mjs")], {
    env: { ...process.env, BENCH_OIDC_PORT: String(OIDC_PORT), BENCH_OIDC_CLIENT_SECRET: secret, NODE_ENV: "production" },
  });
  await waitFor(`${OIDC_BASE}/.well-known/openid-configuration`);
  const rss = watchPeakRss(server.child.pid as number);
  const mint = async (n: number): Promise<string[]> => {
    const response = await fetch(`${OIDC_BASE}/bench/mint?n=${n}`, { method: "POST" });
    if (!response.ok) throw new Error(`oidc-provider could not mint refresh tokens (${response.status}).`);
    return (await response.json()) as string[];
  };
  const refresh = await measureLoad(refreshLoad("refresh_token grant (oidc-provider, reference)", `${OIDC_BASE}/token`, { id: "bench-refresh", secret }, mint));
  const peak = rss.stop();
  await stopServer(server);
  return { refresh, rss: peak };
}

// ---------------------------------------------------------------------------------------------
// One engine: its database, the app on it, every scenario.

async function benchEngine(engine: Engine): Promise<EngineResult> {
  const { prepareData } = await import("./prepare-data.mjs");
  const { runInGroup } = await import("./start.mjs");
  const engineDir = path.join(dataDir, engine);
  fs.mkdirSync(engineDir, { recursive: true });
  console.log(`\n=== ${engine} ===`);

  // Asked before any database is started: does this build take the engine's URL at all?
  const sqliteUrl = `file:${path.join(engineDir, "hourbook.db")}`;
  const probeUrl = engine === "postgresql" ? "postgresql://postgres@127.0.0.1:1/hourbook_bench" : sqliteUrl;
  const { refused } = await runFixture<{ refused: string | null }>({ ...baseEnv, HOURBOOK_DATA_DIR: engineDir, DATABASE_URL: probeUrl }, "probe", engineDir);
  if (refused) {
    console.log(`Skipping ${engine}: this build of the app refuses a ${engine} DATABASE_URL (${refused})`);
    return { engine, status: "skipped", reason: `the app refuses a ${engine} DATABASE_URL: ${refused}` };
  }

  let postgres: { url(database?: string): string; stop(): void } | undefined;
  try {
    let databaseUrl = sqliteUrl;
    if (engine === "postgresql") {
      const { startPostgres } = await import("./postgres-server.mjs");
      postgres = await startPostgres({ durable: true });
      databaseUrl = await createDatabase(postgres.url(), "hourbook_bench");
    }
    const env = { ...baseEnv, HOURBOOK_DATA_DIR: engineDir, DATABASE_URL: databaseUrl };

    console.log("Preparing the demo database…");
    await prepareData({ env });
    const fixture = await runFixture<BenchFixture>({ ...env, BENCH_REFRESH_CHAINS: String(REFRESH_CHAINS) }, "grow", engineDir);

    console.log(`Starting the app on ${BASE} (${engine})…`);
    const server = runInGroup(process.execPath, [path.join(root, "scripts/serve.mjs")], { env: { ...env, HOURBOOK_HOST: "127.0.0.1" } });
    await waitFor(`${BASE}/api/ping`);
    // A tenth first (the fixture spreads entries over ~1,100 days): if the export streams, its
    // memory over the steady state is about the same as the whole export's.
    const csvTenth = await measureCsvExport(fixture, server.child.pid as number, 110);
    const csvExport = await measureCsvExport(fixture, server.child.pid as number);
    const rss = watchPeakRss(server.child.pid as number);

    const results: Measured[] = [];
    if (!CSV_ONLY) for (const load of appLoads(fixture)) results.push(await measureLoad(load));
    const peak = rss.stop();
    await stopServer(server);
    return { engine, status: "measured", results, rss: peak, csvExport, csvTenth };
  } finally {
    postgres?.stop();
  }
}

function appLoads(fixture: BenchFixture): Load[] {
  const mcpCall = (name: string, args: unknown) => ({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });
  const toolsList = { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} };
  const bearer = { authorization: `Bearer ${fixture.mcpToken}` };
  const spare = [...fixture.refreshTokens];
  const take = async (n: number) => {
    if (spare.length < n) throw new Error(`Only ${spare.length} pre-minted refresh chains are left, ${n} are needed.`);
    return spare.splice(0, n);
  };
  return [
    fixedLoad("bare route (fixed JSON)", "floor", "GET", "/api/ping"),
    fixedLoad("bare MCP route: tools/list", "floor", "POST", "/bench/mcp", toolsList),
    fixedLoad("bare MCP route: tools/call (runs nothing)", "floor", "POST", "/bench/mcp", mcpCall("list_time_entries", { limit: 50 })),
    fixedLoad("tools/call list_time_entries (50)", "mcp", "POST", "/mcp", mcpCall("list_time_entries", { limit: 50 }), bearer),
    fixedLoad("tools/call find_billable_candidates (1 month)", "mcp", "POST", "/mcp", mcpCall("find_billable_candidates", fixture.candidatesArgs), bearer),
    fixedLoad("tools/list", "mcp", "POST", "/mcp", toolsList, bearer),
    refreshLoad("refresh_token grant (/oauth/token)", `${BASE}/oauth/token`, fixture.refreshClient, take),
  ];
}

/**
 * The CSV export of every time entry, as a REST client downloads it, read as it arrives and
 * never held whole. The server's steady state is its RSS after a one-day export warmed the
 * route (code loaded, JIT) and a second's rest; its peak is sampled every 50 ms throughout.
 */
async function measureCsvExport(fixture: BenchFixture, serverPid: number, days?: number): Promise<CsvExportMeasured> {
  const since = days ? new Date(Date.now() - (days - 1) * 24 * 3600 * 1000).toISOString().slice(0, 10) : null;
  const url = `${BASE}/api/v1/time-entries${since ? `?from=${since}` : ""}`;
  const headers = { authorization: `Bearer ${fixture.apiToken}`, accept: "text/csv" };
  const today = new Date().toISOString().slice(0, 10);
  const drain = async (response: Response) => {
    if (!response.ok || !response.body) throw new Error(`The CSV export does not succeed (${response.status}): ${(await response.text()).slice(0, 300)}`);
    let bytes = 0;
    let lines = 0;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      for (const byte of chunk) if (byte === 10) lines++;
    }
    return { bytes, lines };
  };
  await drain(await fetch(`${BASE}/api/v1/time-entries?from=${today}&to=${today}`, { headers }));
  await new Promise((r) => setTimeout(r, 1000));
  const steadyMb = watchPeakRss(serverPid).stop().serverMb;
  const rss = watchPeakRss(serverPid, 50);
  const started = performance.now();
  const response = await fetch(url, { headers });
  const firstByteMs = performance.now() - started;
  const { bytes, lines } = await drain(response);
  const seconds = (performance.now() - started) / 1000;
  const peakMb = rss.stop().serverMb;
  // Bench descriptions have no line breaks: one line per record, the header included.
  const rows = lines - 1;
  if (!days && rows < ENTRY_TARGET) throw new Error(`The CSV export has ${rows} rows, expected ${ENTRY_TARGET}.`);
  const measured = { rows, megabytes: bytes / 1024 / 1024, seconds, firstByteMs, steadyMb, peakMb };
  console.log(
    `  CSV export: ${rows.toLocaleString("en")} rows, ${measured.megabytes.toFixed(1)} MB in ${seconds.toFixed(1)} s (first byte after ${firstByteMs.toFixed(0)} ms); server RSS ${steadyMb.toFixed(0)} MB steady, ${peakMb.toFixed(0)} MB peak (+${(peakMb - steadyMb).toFixed(0)} MB)`,
  );
  return measured;
}

/** A PostgreSQL database of its own on the benchmark's server; returns its URL. */
async function createDatabase(serverUrl: string, name: string): Promise<string> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Runs scripts/bench-fixture.ts in a child with `env` (its own lib/env.ts and lib/db.ts) and reads what it wrote. */
async function runFixture<T>(env: NodeJS.ProcessEnv, mode: "probe" | "grow", dir: string): Promise<T> {
  const { runInGroup } = await import("./start.mjs");
  const out = path.join(dir, `fixture-${mode}.json`);
  const { code, signal } = await runInGroup(tsx, ["--conditions=react-server", path.join(root, "scripts/bench-fixture.ts"), mode, out], { env }).done;
  if (code !== 0) throw new Error(`bench-fixture ${mode} failed (${signal ?? `exit code ${code}`}); see the messages above.`);
  return JSON.parse(fs.readFileSync(out, "utf8")) as T;
}

type Group = { child: { pid?: number }; done: Promise<{ code: number | null; signal: string | null }> };

/** SIGTERM to the server's process group (it closes cleanly), SIGKILL after 10 s. */
async function stopServer(server: Group) {
  const pid = server.child.pid as number;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    return; // already gone
  }
  const killer = setTimeout(() => {
    try {
      process.kill(-pid, "SIGKILL");
    } catch {
      // gone meanwhile
    }
  }, 10_000);
  await server.done;
  clearTimeout(killer);
}

async function waitFor(url: string) {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 60 s.`);
}

// ---------------------------------------------------------------------------------------------
// Loads.

/** The same request on every connection, again and again. */
function fixedLoad(name: string, kind: Load["kind"], method: "GET" | "POST", urlPath: string, body?: unknown, extraHeaders: Record<string, string> = {}): Load {
  const headers = {
    ...(body ? { "content-type": "application/json", accept: "application/json, text/event-stream" } : {}),
    ...extraHeaders,
  };
  const payload = body ? JSON.stringify(body) : undefined;
  return {
    name,
    kind,
    // One request first: a benchmark of error responses would measure the wrong thing.
    async check() {
      const response = await fetch(`${BASE}${urlPath}`, { method, headers, body: payload });
      const text = await response.text();
      if (!response.ok || text.includes('"isError":true') || text.includes('"error"')) {
        throw new Error(`${name} does not succeed (${response.status}): ${text.slice(0, 300)}`);
      }
    },
    options: async () => ({ url: `${BASE}${urlPath}`, method, headers, body: payload }),
  };
}

/**
 * grant_type=refresh_token with rotation: each connection follows a chain of its own, sending
 * the refresh token the previous answer gave it (sending a spent one would revoke the grant).
 * Every run starts on fresh chains from `mint`: a request still in flight when a run stops
 * spends its token without the answer being read, which ends that chain.
 */
function refreshLoad(name: string, tokenUrl: string, client: { id: string; secret: string }, mint: (n: number) => Promise<string[]>): Load {
  const headers = {
    authorization: `Basic ${Buffer.from(`${encodeURIComponent(client.id)}:${encodeURIComponent(client.secret)}`).toString("base64")}`,
    "content-type": "application/x-www-form-urlencoded",
    accept: "application/json",
  };
  const form = (token: string) => new URLSearchParams({ grant_type: "refresh_token", refresh_token: token }).toString();
  return {
    name,
    kind: "refresh",
    async check() {
      let [token] = await mint(1);
      for (let i = 0; i < 2; i++) {
        const response = await fetch(tokenUrl, { method: "POST", headers, body: form(token!) });
        const text = await response.text();
        if (!response.ok) throw new Error(`${name} does not succeed (${response.status}): ${text.slice(0, 300)}`);
        token = (JSON.parse(text) as { refresh_token: string }).refresh_token;
      }
    },
    async options() {
      const chains = await mint(CONNECTIONS);
      let next = 0;
      return {
        url: tokenUrl,
        method: "POST",
        headers,
        // autocannon resets its per-request context after every request; the chain lives in a
        // closure per connection instead (setupClient runs once per connection).
        setupClient(connection) {
          const chain = { token: chains[next++ % chains.length]! };
          connection.setRequests([
            {
              method: "POST",
              path: new URL(tokenUrl).pathname,
              headers,
              setupRequest: (request) => ({ ...request, body: form(chain.token) }),
              onResponse: (status, body) => {
                if (status === 200) chain.token = (JSON.parse(body) as { refresh_token: string }).refresh_token;
              },
            },
          ]);
        },
      };
    },
  };
}

async function measureLoad(load: Load): Promise<Measured> {
  await load.check();
  await autocannon({ ...(await load.options()), connections: CONNECTIONS, duration: WARM_UP_SECONDS }); // JIT, caches, connection pool
  const result = await autocannon({ ...(await load.options()), connections: CONNECTIONS, duration: DURATION_SECONDS });
  const measured = {
    name: load.name,
    kind: load.kind,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    loadAverage: os.loadavg()[0]!,
  };
  console.log(`  ${load.name}: ${Math.round(measured.requestsPerSecond)} req/s, p50 ${measured.p50} ms, p99 ${measured.p99} ms (load average ${measured.loadAverage.toFixed(1)})`);
  return measured;
}

/**
 * Peak resident memory, sampled: of a server's whole process group, and of its largest
 * single process (the server itself: scripts/serve.mjs runs Next in-process).
 */
function watchPeakRss(groupId: number, intervalMs = 200) {
  let peakTotalKb = 0;
  let peakServerKb = 0;
  const sample = () => {
    let total = 0;
    try {
      const pids = execFileSync("pgrep", ["-g", String(groupId)], { encoding: "utf8" }).split("\n").filter(Boolean);
      for (const pid of pids) {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
        total += kb;
        peakServerKb = Math.max(peakServerKb, kb);
      }
    } catch {
      // a process ended between listing and reading
    }
    peakTotalKb = Math.max(peakTotalKb, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop(): Rss {
      clearInterval(timer);
      sample();
      return { totalMb: peakTotalKb / 1024, serverMb: peakServerKb / 1024 };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Report.

const ratio = (a: Measured, b: Measured | undefined) => (b ? (a.requestsPerSecond / b.requestsPerSecond).toFixed(2) : "");

function report(engines: EngineResult[], reference: Reference | null) {
  console.log(`\n${ENTRY_TARGET.toLocaleString("en")} time entries, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario after ${WARM_UP_SECONDS} s of warm-up\n`);
  const targets: Record<string, Array<{ target: string; met: boolean; value: string }>> = {};
  for (const result of engines) {
    if (result.status !== "measured") continue;
    const { csvExport: c } = result;
    const csvTarget = { target: `CSV export of ${ENTRY_TARGET.toLocaleString("en")} entries: server RSS ≤ steady state + ${CSV_RSS_BUDGET_MB} MB`, met: c.peakMb - c.steadyMb <= CSV_RSS_BUDGET_MB, value: `+${(c.peakMb - c.steadyMb).toFixed(0)} MB over ${c.steadyMb.toFixed(0)} MB, ${c.seconds.toFixed(1)} s` };
    targets[result.engine] = [csvTarget];
    console.log(`${result.engine}: CSV export ${c.rows.toLocaleString("en")} rows, ${c.megabytes.toFixed(1)} MB in ${c.seconds.toFixed(1)} s (${Math.round(c.rows / c.seconds).toLocaleString("en")} rows/s, first byte ${c.firstByteMs.toFixed(0)} ms)`);
    const t = result.csvTenth;
    console.log(`  a tenth (${t.rows.toLocaleString("en")} rows): ${t.seconds.toFixed(1)} s, server RSS +${(t.peakMb - t.steadyMb).toFixed(0)} MB over ${t.steadyMb.toFixed(0)} MB`);
    console.log(`  ${csvTarget.met ? "met   " : "MISSED"}  ${csvTarget.target}  (${csvTarget.value})`);
  }
  if (!reference) {
    fs.writeFileSync(path.join(dataDir, "results.json"), JSON.stringify({ at: new Date().toISOString(), entries: ENTRY_TARGET, engines, targets }, null, 2));
    return;
  }
  console.log(`Reference: ${reference.refresh.name}: ${Math.round(reference.refresh.requestsPerSecond)} req/s, p50 ${reference.refresh.p50} ms, p99 ${reference.refresh.p99} ms, errors/non-2xx ${reference.refresh.errors}/${reference.refresh.non2xx}; peak RSS ${reference.rss.serverMb.toFixed(0)} MB\n`);

  for (const result of engines) {
    if (result.status === "skipped") {
      console.log(`${result.engine}: SKIPPED — ${result.reason}\n`);
      continue;
    }
    const { results, rss } = result;
    const find = (name: string) => results.find((r) => r.name === name)!;
    const bare = find("bare route (fixed JSON)");
    const bareMcp = find("bare MCP route: tools/list");
    const rows = results.map((r) => ({
      scenario: r.name,
      "req/s": Math.round(r.requestsPerSecond),
      "p50 ms": r.p50,
      "p99 ms": r.p99,
      "× bare route": ratio(r, bare),
      "× bare MCP": r.kind === "mcp" ? ratio(r, bareMcp) : "",
      "× oidc-provider": r.kind === "refresh" ? ratio(r, reference.refresh) : "",
      "errors/non-2xx": `${r.errors}/${r.non2xx}`,
      load: r.loadAverage.toFixed(1),
    }));
    console.log(`${result.engine}`);
    console.table(rows);
    console.log(`Peak RSS: server ${rss.serverMb.toFixed(0)} MB; whole process group ${rss.totalMb.toFixed(0)} MB\n`);

    const list = find("tools/call list_time_entries (50)");
    const candidates = find("tools/call find_billable_candidates (1 month)");
    const toolsList = find("tools/list");
    const refresh = find("refresh_token grant (/oauth/token)");
    targets[result.engine] = [
      ...(targets[result.engine] ?? []),
      { target: "list_time_entries ≥ 0.3 × bare route", met: list.requestsPerSecond >= 0.3 * bare.requestsPerSecond, value: `${ratio(list, bare)} ×` },
      { target: "list_time_entries p99 ≤ 250 ms", met: list.p99 <= 250, value: `${list.p99} ms` },
      { target: "find_billable_candidates p50 ≤ 150 ms", met: candidates.p50 <= 150, value: `${candidates.p50} ms` },
      { target: "tools/list ≥ 0.5 × bare route", met: toolsList.requestsPerSecond >= 0.5 * bare.requestsPerSecond, value: `${ratio(toolsList, bare)} ×` },
      { target: "refresh ≥ 1.0 × oidc-provider", met: refresh.requestsPerSecond >= reference.refresh.requestsPerSecond, value: `${ratio(refresh, reference.refresh)} ×` },
      { target: "peak RSS ≤ 400 MB (server)", met: rss.serverMb <= 400, value: `${rss.serverMb.toFixed(0)} MB` },
    ];
    console.log(`Targets (${result.engine}):`);
    for (const { target, met, value } of targets[result.engine]!) console.log(`  ${met ? "met   " : "MISSED"}  ${target}  (${value})`);
    console.log("");
  }
  fs.writeFileSync(
    path.join(dataDir, "results.json"),
    JSON.stringify({ at: new Date().toISOString(), entries: ENTRY_TARGET, connections: CONNECTIONS, seconds: DURATION_SECONDS, reference, engines, targets }, null, 2),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

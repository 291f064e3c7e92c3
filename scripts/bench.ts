/**
 * `npm run bench`: serves the production build on a fresh copy of the demo data grown to
 * 100,000 time entries in one workspace, then loads it with autocannon (50 connections) and
 * prints, side by side: a bare route with fixed JSON (the framework's ceiling), MCP
 * `tools/call list_time_entries` (page of 50), `find_billable_candidates` (one month) and
 * `tools/list`, each with requests/s, p50/p99 latency, the throughput ratio to the bare route,
 * and the server's peak RSS. Targets are checked and reported; results go to .bench/results.json.
 */
import autocannon from "autocannon";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const PORT = Number(process.env.BENCH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const CONNECTIONS = 50;
const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ENTRY_TARGET = 100_000;
const root = path.resolve(import.meta.dirname, "..");
const dataDir = path.join(root, ".bench");

// lib/env.ts reads the environment when first imported: set it before any lib import.
Object.assign(process.env, {
  HOURBOOK_DATA_DIR: dataDir,
  DATABASE_URL: `file:${path.join(dataDir, "hourbook.db")}`,
  APP_URL: BASE,
  NEXTAUTH_URL: BASE,
  PORT: String(PORT),
  NEXT_TELEMETRY_DISABLED: "1",
  // Measures throughput, not the per-connection rate limit (600/min by default).
  HOURBOOK_CONNECTION_RATE_LIMIT: "100000000",
  // Its own build folder, so benchmarking never replaces a build another server is using.
  NEXT_DIST_DIR: ".next-bench",
});

interface Scenario {
  name: string;
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  authenticated: boolean;
}

interface Measured {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function main() {
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.mkdirSync(dataDir, { recursive: true });
  const { prepareData } = await import("./prepare-data.mjs");
  const { ensureBuild, runInGroup, stopChildrenOnExit } = await import("./start.mjs");
  stopChildrenOnExit();
  console.log("Preparing the demo database…");
  await prepareData({ env: process.env });
  const fixture = await growWorkspace();
  await ensureBuild({ env: process.env });

  console.log(`Starting the app on ${BASE}…`);
  const server = runInGroup(process.execPath, [path.join(root, "scripts/serve.mjs")], { env: { ...process.env, HOURBOOK_HOST: "127.0.0.1" } });
  await waitForHealth();
  const rss = watchPeakRss(server.child.pid as number);

  const mcp = (name: string, args: unknown) => ({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name, arguments: args } });
  const scenarios: Scenario[] = [
    { name: "bare route (fixed JSON)", method: "GET", path: "/api/ping", authenticated: false },
    { name: "tools/call list_time_entries (50)", method: "POST", path: "/mcp", body: mcp("list_time_entries", { limit: 50 }), authenticated: true },
    { name: "tools/call find_billable_candidates (1 month)", method: "POST", path: "/mcp", body: mcp("find_billable_candidates", fixture.candidatesArgs), authenticated: true },
    { name: "tools/list", method: "POST", path: "/mcp", body: { jsonrpc: "2.0", id: 1, method: "tools/list", params: {} }, authenticated: true },
  ];

  const results: Measured[] = [];
  for (const scenario of scenarios) {
    await checkOnce(scenario, fixture.token);
    await run(scenario, fixture.token, 2); // warm-up: JIT, caches, connection pool
    results.push(await run(scenario, fixture.token, DURATION_SECONDS));
  }
  report(results, rss.stop());
  process.exit(0); // stopChildrenOnExit takes the server's process group down
}

/** Adds time entries to Lovelace Studio until it holds ENTRY_TARGET, and mints an MCP token for Ada. */
async function growWorkspace() {
  const { db } = await import("@/lib/db");
  const { createGrant } = await import("@/lib/oauth/grants");
  const { issueAccessToken } = await import("@/lib/oauth/access-token");
  const workspace = await db.workspace.findUniqueOrThrow({ where: { slug: "lovelace-studio" } });
  const ada = await db.user.findUniqueOrThrow({ where: { email: "ada@example.com" } });
  const memberships = await db.membership.findMany({ where: { workspaceId: workspace.id } });
  // A workspace with 100k entries has many clients: 20 in all, two projects each, so one
  // client's month is a few hundred entries rather than half of everything.
  for (let c = 1; c <= 18; c++) {
    const client = await db.client.create({ data: { workspaceId: workspace.id, name: `Bench Client ${String(c).padStart(2, "0")}`, email: `client${c}@bench.example` } });
    for (const name of ["Retainer", "Project work"]) {
      await db.project.create({ data: { workspaceId: workspace.id, clientId: client.id, name, hourlyRate: 8_000 + c * 500 } });
    }
  }
  const projects = await db.project.findMany({ where: { workspaceId: workspace.id }, include: { client: true } });
  const existing = await db.timeEntry.count({ where: { workspaceId: workspace.id } });

  console.log(`Growing ${workspace.name} from ${existing} to ${ENTRY_TARGET} time entries…`);
  const started = Date.now();
  const day = 24 * 3600 * 1000;
  const batch = 5_000;
  for (let made = existing; made < ENTRY_TARGET; made += batch) {
    const rows = Array.from({ length: Math.min(batch, ENTRY_TARGET - made) }, (_, i) => {
      const n = made + i;
      const project = projects[n % projects.length]!;
      const membership = memberships[n % memberships.length]!;
      // Spread over the last ~3 years, several entries a day.
      const startedAt = new Date(Date.now() - (n % 1_100) * day - ((n * 7919) % 36_000) * 1000 - 3600_000);
      return {
        workspaceId: workspace.id,
        membershipId: membership.id,
        projectId: project.id,
        startedAt,
        durationSeconds: 900 + ((n * 37) % 28) * 300,
        description: `Bench entry ${n}`,
        billable: n % 10 !== 0,
        hourlyRate: project.hourlyRate ?? workspace.defaultHourlyRate,
      };
    });
    await db.timeEntry.createMany({ data: rows });
  }
  console.log(`  done in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const client = await db.oAuthClient.create({
    data: { id: "bench-client", kind: "developer_app", name: "Benchmark", redirectUris: ["http://127.0.0.1/callback"], ownerUserId: ada.id },
  });
  const scope = "hourbook:read hourbook:write profile:read";
  const grantId = await db.$transaction((tx) =>
    createGrant(tx, { userId: ada.id, clientId: client.id, workspaceId: workspace.id, resource: `${BASE}/mcp`, scope }),
  );
  const { token } = await issueAccessToken({ userId: ada.id, clientId: client.id, grantId, workspaceId: workspace.id, resource: "mcp", scope });
  const babbage = projects.find((p) => p.client.name === "Babbage & Co")!.client;
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * day).toISOString().slice(0, 10);
  await db.$disconnect();
  return { token, candidatesArgs: { client_id: babbage.id, from, to } };
}

async function waitForHealth() {
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`${BASE}/api/ping`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("The app did not start within 60 s.");
}

function headersFor(scenario: Scenario, token: string): Record<string, string> {
  return {
    ...(scenario.body ? { "content-type": "application/json", accept: "application/json, text/event-stream" } : {}),
    ...(scenario.authenticated ? { authorization: `Bearer ${token}` } : {}),
  };
}

/** One request first: a benchmark of error responses would measure the wrong thing. */
async function checkOnce(scenario: Scenario, token: string) {
  const response = await fetch(`${BASE}${scenario.path}`, {
    method: scenario.method,
    headers: headersFor(scenario, token),
    body: scenario.body ? JSON.stringify(scenario.body) : undefined,
  });
  const text = await response.text();
  if (!response.ok || text.includes('"isError":true') || text.includes('"error"')) {
    throw new Error(`${scenario.name} does not succeed (${response.status}): ${text.slice(0, 300)}`);
  }
}

async function run(scenario: Scenario, token: string, seconds: number): Promise<Measured> {
  const result = await autocannon({
    url: `${BASE}${scenario.path}`,
    method: scenario.method,
    connections: CONNECTIONS,
    duration: seconds,
    headers: headersFor(scenario, token),
    body: scenario.body ? JSON.stringify(scenario.body) : undefined,
  });
  return {
    name: scenario.name,
    requestsPerSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

/**
 * Peak resident memory, sampled: of the server's whole process group, and of its largest
 * single process (the server itself: scripts/serve.mjs runs Next in-process).
 */
function watchPeakRss(groupId: number) {
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
  const timer = setInterval(sample, 200);
  return {
    stop() {
      clearInterval(timer);
      sample();
      return { totalMb: peakTotalKb / 1024, serverMb: peakServerKb / 1024 };
    },
  };
}

function report(results: Measured[], rss: { totalMb: number; serverMb: number }) {
  const bare = results[0]!;
  const rows = results.map((r) => ({
    scenario: r.name,
    "req/s": Math.round(r.requestsPerSecond),
    "p50 ms": r.p50,
    "p99 ms": r.p99,
    "× bare": (r.requestsPerSecond / bare.requestsPerSecond).toFixed(2),
    "errors/non-2xx": `${r.errors}/${r.non2xx}`,
  }));
  console.log(`\n${ENTRY_TARGET.toLocaleString("en")} time entries, ${CONNECTIONS} connections, ${DURATION_SECONDS} s per scenario\n`);
  console.table(rows);
  console.log(`Peak RSS: server ${rss.serverMb.toFixed(0)} MB; whole process group ${rss.totalMb.toFixed(0)} MB\n`);

  const list = results[1]!;
  const candidates = results[2]!;
  const targets = [
    [`list_time_entries ≥ 0.5 × bare throughput`, list.requestsPerSecond >= 0.5 * bare.requestsPerSecond, `${(list.requestsPerSecond / bare.requestsPerSecond).toFixed(2)} ×`],
    [`list_time_entries p99 < 50 ms`, list.p99 < 50, `${list.p99} ms`],
    [`find_billable_candidates p50 < 100 ms`, candidates.p50 < 100, `${candidates.p50} ms`],
    [`RSS < 400 MB (next-server)`, rss.serverMb < 400, `${rss.serverMb.toFixed(0)} MB`],
  ] as const;
  for (const [target, met, value] of targets) console.log(`${met ? "met   " : "MISSED"}  ${target}  (${value})`);
  fs.writeFileSync(path.join(dataDir, "results.json"), JSON.stringify({ at: new Date().toISOString(), results, rss }, null, 2));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

/**
 * The per-engine half of `npm run bench` (scripts/bench.ts), run in a child process because
 * lib/env.ts and lib/db.ts read DATABASE_URL once per process and the benchmark runs one
 * process per engine. Reads the same environment as the server it prepares for.
 *
 *   bench-fixture.ts probe <out.json>  whether this build accepts DATABASE_URL's engine:
 *                                      writes { refused: reason } or { refused: null }
 *   bench-fixture.ts grow <out.json>   grows Lovelace Studio to ENTRY_TARGET time entries
 *                                      (Prisma createMany: the same on every engine), mints an
 *                                      MCP token for Ada, and a confidential client with one
 *                                      grant + refresh token per refresh chain, and a REST
 *                                      token (time:read) for the CSV export; writes them
 */
import fs from "node:fs";

export const ENTRY_TARGET = 100_000;
export const REFRESH_CLIENT_ID = "bench-refresh";

export interface BenchFixture {
  mcpToken: string;
  /** A REST API token of Ada's with time:read: the CSV export of every entry. */
  apiToken: string;
  candidatesArgs: { client_id: string; from: string; to: string };
  refreshClient: { id: string; secret: string };
  /** One refresh token per chain: each heads a grant of its own. */
  refreshTokens: string[];
}

const [mode, out] = process.argv.slice(2);

async function probe(): Promise<{ refused: string | null }> {
  try {
    const { db } = await import("@/lib/db");
    await db.$disconnect();
    return { refused: null };
  } catch (error) {
    return { refused: (error as Error).message };
  }
}

/** Adds time entries to Lovelace Studio until it holds ENTRY_TARGET, and mints the credentials the scenarios use. */
async function grow(): Promise<BenchFixture> {
  const chains = Number(process.env.BENCH_REFRESH_CHAINS ?? 0);
  const { db } = await import("@/lib/db");
  const { env } = await import("@/lib/env");
  const { createGrant } = await import("@/lib/oauth/grants");
  const { issueAccessToken } = await import("@/lib/oauth/access-token");
  const { hashToken, newOpaqueToken, PREFIX } = await import("@/lib/oauth/secrets");
  const { storeRefreshToken } = await import("@/lib/oauth/token/token-pair");
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

  const scope = "hourbook:read hourbook:write profile:read";
  const resource = `${env.APP_URL}/mcp`;
  const mcpClient = await db.oAuthClient.create({
    data: { id: "bench-client", kind: "developer_app", name: "Benchmark", redirectUris: ["http://127.0.0.1/callback"], ownerUserId: ada.id },
  });
  const grantId = await db.$transaction((tx) => createGrant(tx, { userId: ada.id, clientId: mcpClient.id, workspaceId: workspace.id, resource, scope }));
  const { token } = await issueAccessToken({ userId: ada.id, clientId: mcpClient.id, grantId, workspaceId: workspace.id, resource: "mcp", scope });
  const apiGrantId = await db.$transaction((tx) => createGrant(tx, { userId: ada.id, clientId: mcpClient.id, workspaceId: workspace.id, resource: `${env.APP_URL}/api`, scope: "time:read" }));
  const { token: apiToken } = await issueAccessToken({ userId: ada.id, clientId: mcpClient.id, grantId: apiGrantId, workspaceId: workspace.id, resource: "api", scope: "time:read" });

  // The refresh scenario: a confidential client, as the reference server's, and one grant per
  // chain, each with the refresh token an authorization-code exchange would have left.
  const secret = newOpaqueToken(PREFIX.clientSecret);
  await db.oAuthClient.create({
    data: {
      id: REFRESH_CLIENT_ID,
      kind: "developer_app",
      name: "Benchmark (refresh)",
      redirectUris: ["http://127.0.0.1/callback"],
      ownerUserId: ada.id,
      tokenEndpointAuthMethod: "client_secret_basic",
      secretHash: hashToken(secret),
      secretIssuedAt: new Date(),
    },
  });
  const refreshTokens: string[] = [];
  for (let i = 0; i < chains; i++) {
    const refreshToken = newOpaqueToken(PREFIX.refreshToken);
    await db.$transaction(async (tx) => {
      const chainGrant = await createGrant(tx, { userId: ada.id, clientId: REFRESH_CLIENT_ID, workspaceId: workspace.id, resource, scope });
      await storeRefreshToken(tx, chainGrant, refreshToken, scope);
    });
    refreshTokens.push(refreshToken);
  }

  const babbage = projects.find((p) => p.client.name === "Babbage & Co")!.client;
  const to = new Date().toISOString().slice(0, 10);
  const from = new Date(Date.now() - 30 * day).toISOString().slice(0, 10);
  await db.$disconnect();
  return { mcpToken: token, apiToken, candidatesArgs: { client_id: babbage.id, from, to }, refreshClient: { id: REFRESH_CLIENT_ID, secret }, refreshTokens };
}

async function main() {
  if (!out || (mode !== "probe" && mode !== "grow")) throw new Error("usage: bench-fixture.ts probe|grow <out.json>");
  const result = mode === "probe" ? await probe() : await grow();
  fs.writeFileSync(out, JSON.stringify(result), { mode: 0o600 });
}

// Only as a script: bench.ts imports the types and constants above.
if (process.argv[1]?.endsWith("bench-fixture.ts")) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

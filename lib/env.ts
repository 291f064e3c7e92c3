/**
 * The only reader of process.env. Everything is optional: with no environment at all
 * the app runs on http://localhost:3000 with the embedded SQLite database, and any
 * missing secret is generated once and kept under the git-ignored data folder.
 */
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { databaseUrlOf, dataDirOf } from "./data-location.mjs";

/**
 * One entry of HOURBOOK_ALLOWED_ORIGINS: `loopback` (http or https on 127.0.0.1, [::1] or
 * localhost, any port) or an origin — scheme, host and optional port, nothing more — kept in
 * the serialised form browsers send in the Origin header.
 */
const AllowedOriginEntry = z.string().transform((entry, ctx) => {
  if (entry === "loopback") return entry;
  let url: URL | undefined;
  try {
    url = new URL(entry);
  } catch {
    url = undefined;
  }
  const bare = url && (url.protocol === "http:" || url.protocol === "https:") && !url.username && !url.password && url.pathname === "/" && !url.search && !url.hash;
  if (!url || !bare || !/^[a-z]+:\/\/[^/]+\/?$/i.test(entry)) {
    ctx.addIssue({ code: "custom", message: `HOURBOOK_ALLOWED_ORIGINS: ${entry} is not an origin such as https://app.example or http://localhost:6274, nor loopback` });
    return z.NEVER;
  }
  return url.origin;
});

const EnvSchema = z.object({
  APP_URL: z
    .url({ protocol: /^https?$/, error: "APP_URL must be an http(s) URL such as https://hourbook.example.com" })
    .default("http://localhost:3000")
    .transform((url) => url.replace(/\/+$/, "")),
  DATABASE_URL: z
    .string()
    .regex(/^(file:|postgres(ql)?:\/\/)/, "DATABASE_URL must start with file: or postgresql://"),
  HOURBOOK_DATA_DIR: z.string().min(1),
  /** PostgreSQL only: connections each app instance keeps open at most (pg's pool `max`). */
  HOURBOOK_DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters").optional(),
  HOURBOOK_ENCRYPTION_SECRET: z.string().min(32, "HOURBOOK_ENCRYPTION_SECRET must be at least 32 characters").optional(),
  /** Requests per minute one connection (grant) may make to /mcp and to /api each. */
  HOURBOOK_CONNECTION_RATE_LIMIT: z.coerce.number().int().min(1).default(600),
  /**
   * Requests per minute one client may make to /oauth/token from one address (and failed ones
   * from one address); unset, RATE_LIMITS.token's limit (lib/oauth/rate-limit.ts). The benchmark lifts it.
   */
  HOURBOOK_TOKEN_RATE_LIMIT: z.coerce.number().int().min(1).optional(),
  /** A connection (grant) unused for this many days ends by itself; its refresh tokens live as long. */
  HOURBOOK_CONNECTION_IDLE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Behind a reverse proxy that appends the caller's address to X-Forwarded-For: use it for rate limits. */
  HOURBOOK_TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Set by scripts/serve.mjs (npm start): the request header in which it passes each connection's peer address. */
  HOURBOOK_PEER_ADDRESS_HEADER: z.string().min(1).optional(),
  /**
   * Browser origins (besides APP_URL's own) that may call /mcp, comma-separated; `loopback`
   * stands for every origin on this machine. Requests without Origin are not browsers and pass.
   */
  HOURBOOK_ALLOWED_ORIGINS: z
    .string()
    .default("loopback")
    .transform((value) => value.split(",").map((entry) => entry.trim()).filter(Boolean))
    .pipe(z.array(AllowedOriginEntry)),
  /** Test-only escape hatch: lets Client ID Metadata Documents be fetched from loopback. */
  HOURBOOK_ALLOW_LOOPBACK_METADATA: z.enum(["0", "1"]).default("0"),
  /** Benchmark only (`npm run bench` sets it): /bench/mcp serves a bare MCP server, no auth, no database. Otherwise that path is a 404. */
  HOURBOOK_BENCH_ROUTES: z.enum(["0", "1"]).default("0"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

/**
 * Validates an environment (process.env by default) and fills in the defaults.
 * @throws Error listing every invalid variable
 */
export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  // Empty strings count as unset, so `APP_URL=` in a shell does not break start-up.
  const raw = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ""));
  // The defaults that depend on each other (the database lives in the data folder) come from
  // the one module the scripts share.
  raw.HOURBOOK_DATA_DIR = dataDirOf(raw);
  raw.DATABASE_URL = databaseUrlOf(raw);
  const parsed = EnvSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment:\n${problems}`);
  }
  return parsed.data;
}

export const env: Env = parseEnv();

// next-auth v4 reads NEXTAUTH_URL itself; keep it equal to the configured public URL.
process.env.NEXTAUTH_URL ??= env.APP_URL;

/** Absolute path of a file in the data folder (database, secrets, signing keys). */
export function dataPath(...segments: string[]): string {
  return path.resolve(env.HOURBOOK_DATA_DIR, ...segments);
}

type Secrets = Record<string, string>;

/**
 * A named secret: from the environment when given, otherwise generated on first use and
 * persisted in `<data>/secrets.json` (mode 0600) so it survives restarts.
 */
export function persistentSecret(name: "NEXTAUTH_SECRET" | "HOURBOOK_ENCRYPTION_SECRET"): string {
  const fromEnv = env[name];
  if (fromEnv) return fromEnv;
  const cached = secretCache.get(name);
  if (cached) return cached;
  const file = dataPath("secrets.json");
  const secrets = readSecrets(file);
  let secret = secrets[name];
  if (!secret) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const generated = randomBytes(32).toString("base64url");
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, JSON.stringify({ ...secrets, [name]: generated }, null, 2), { mode: 0o600 });
    fs.renameSync(tmp, file);
    // Re-read: if another process raced us, both end up with whatever landed last on disk.
    secret = readSecrets(file)[name] ?? generated;
  }
  secretCache.set(name, secret);
  return secret;
}

const secretCache = new Map<string, string>();

/**
 * Where a secret comes from, for messages: "the environment" or the data folder's file. Several
 * instances on one database must be given the same value in the environment: each generates its
 * own otherwise (see README, "Running several instances").
 */
export function secretSource(name: "NEXTAUTH_SECRET" | "HOURBOOK_ENCRYPTION_SECRET"): string {
  return env[name] ? "the environment" : `${dataPath("secrets.json")}, generated by this instance because ${name} is not set`;
}

function readSecrets(file: string): Secrets {
  try {
    return z.record(z.string(), z.string()).parse(JSON.parse(fs.readFileSync(file, "utf8")));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw new Error(`Cannot read ${file}: ${(error as Error).message}`);
  }
}

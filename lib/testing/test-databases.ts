/**
 * The databases of one Vitest run, on the engine HOURBOOK_TEST_ENGINE names ("sqlite", the
 * default, or "postgresql"). Global setup makes two templates once — migrated and empty, and
 * the same with the demo data — and each test file starts from a copy of the empty one:
 * - SQLite: files in a temp folder, copied;
 * - PostgreSQL: databases on one server (POSTGRES_ADMIN_URL's, or a throwaway one global setup
 *   starts), copied with CREATE DATABASE … TEMPLATE, which copies files too.
 */
import pg from "pg";

export type TestEngine = "sqlite" | "postgresql";

/** Which engine this run tests; anything but "postgresql" means SQLite. */
export function testEngine(): TestEngine {
  return process.env.HOURBOOK_TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite";
}

export const POSTGRES_TEMPLATE = "hourbook_template";
export const POSTGRES_DEMO = "hourbook_demo";

/** The URL of `database` on the server `adminUrl` points at. */
export function postgresDatabaseUrl(adminUrl: string, database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** The database a postgresql:// URL names. */
export function postgresDatabaseName(url: string): string {
  return decodeURIComponent(new URL(url).pathname.slice(1));
}

/** Runs statements on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction). */
export async function onPostgresServer(adminUrl: string, statements: string[]): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
  } finally {
    await client.end();
  }
}

/** Replaces `database` with a fresh copy of `template` (connections to it are ended). */
export function copyPostgresDatabase(adminUrl: string, template: string, database: string): Promise<void> {
  return onPostgresServer(adminUrl, [
    `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`,
    `CREATE DATABASE "${database}" TEMPLATE "${template}"`,
  ]);
}

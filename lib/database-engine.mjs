// The two database engines Hourbook runs on, and where each keeps its Prisma schema, migrations
// and generated client. prisma/schema.prisma (SQLite) is the one source; the PostgreSQL files are
// derived from it by scripts/derive-postgres-schema.mjs. Plain JavaScript: the start, migrate
// and test scripts import it as well as the app.

/** @typedef {"sqlite" | "postgresql"} DatabaseEngine */

/**
 * Which engine a DATABASE_URL names.
 * @param {string} url a `file:` URL (SQLite) or a `postgresql://` / `postgres://` URL
 * @returns {DatabaseEngine}
 * @throws Error for any other scheme, naming the two that work
 */
export function engineOf(url) {
  if (url.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(url)) return "postgresql";
  throw new Error(`DATABASE_URL must be a file: URL (SQLite) or a postgresql:// URL, not "${url.replace(/\/\/[^@/]*@/, "//…@")}".`);
}

/** Per engine: the Prisma schema and migrations folder, relative to the repository root. */
export const ENGINE_FILES = {
  sqlite: { schema: "prisma/schema.prisma", migrations: "prisma/migrations" },
  postgresql: { schema: "prisma/postgresql/schema.prisma", migrations: "prisma/postgresql/migrations" },
};

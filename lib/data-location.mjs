// Where Hourbook keeps its data when nothing says otherwise: one definition for the app
// (lib/env.ts) and the plain-Node scripts that cannot import TypeScript (start, migrate, seed).
import path from "node:path";

/** The git-ignored data folder, relative to the working directory. */
export const DEFAULT_DATA_DIR = ".data";

/** An empty variable counts as unset, so `DATABASE_URL=` in a shell does not break start-up. */
function setting(env, name) {
  const value = env[name];
  return value ? value : undefined;
}

/**
 * The data folder named by `env.HOURBOOK_DATA_DIR`, or `.data`.
 * @param {Record<string, string | undefined>} env
 * @returns {string} a path, relative to the working directory unless the setting is absolute
 */
export function dataDirOf(env) {
  return setting(env, "HOURBOOK_DATA_DIR") ?? DEFAULT_DATA_DIR;
}

/**
 * The database URL: `env.DATABASE_URL`, or the embedded SQLite file inside the data folder,
 * so two instances given different data folders never share a database by accident.
 * @param {Record<string, string | undefined>} env
 * @returns {string} a `file:` or `postgresql://` URL
 */
export function databaseUrlOf(env) {
  return setting(env, "DATABASE_URL") ?? `file:${path.join(dataDirOf(env), "hourbook.db")}`;
}

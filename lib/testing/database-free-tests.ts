/**
 * Which test files never reach the database, so the PostgreSQL pass (HOURBOOK_TEST_ENGINE=
 * postgresql) can leave them out: they test the same code on both engines, and running them
 * twice only costs CI time. Worked out from the files themselves, so a test that starts using
 * the database is run on both engines again without anyone updating a list.
 *
 * A file reaches the database when its static or dynamic imports (relative or "@/…", followed
 * through our own sources) lead to lib/db.ts or the generated Prisma clients. A file that
 * mentions child_process may start a script that opens one, so it counts as reaching it too.
 */
import fs from "node:fs";
import path from "node:path";

const IMPORT = /(?:\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|\bvi\.mock\(\s*)["']([^"']+)["']/g;
const EXTENSIONS = ["", ".ts", ".tsx", ".mjs", ".js", "/index.ts"];

function resolveImport(root: string, from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = path.join(root, specifier.slice(2));
  else if (specifier.startsWith(".")) base = path.resolve(path.dirname(from), specifier);
  else return null;
  for (const extension of EXTENSIONS) {
    const candidate = base + extension;
    if (fs.statSync(candidate, { throwIfNoEntry: false })?.isFile()) return candidate;
  }
  return null;
}

/**
 * The test files (paths relative to `root`, as given) from which no import chain reaches the
 * database, in the order given.
 */
export function databaseFreeTests(root: string, testFiles: readonly string[]): string[] {
  const reaches = new Map<string, boolean>();
  const database = [path.join(root, "lib", "db.ts"), path.join(root, "lib", "generated") + path.sep];
  const reachesDatabase = (file: string): boolean => {
    const known = reaches.get(file);
    if (known !== undefined) return known;
    reaches.set(file, false); // an import cycle adds nothing new
    const source = fs.readFileSync(file, "utf8");
    const result =
      database.some((target) => file === target || file.startsWith(target)) ||
      source.includes("child_process") ||
      [...source.matchAll(IMPORT)].some(([, specifier]) => {
        const target = resolveImport(root, file, specifier as string);
        return target !== null && reachesDatabase(target);
      });
    reaches.set(file, result);
    return result;
  };
  return testFiles.filter((file) => !reachesDatabase(path.resolve(root, file)));
}

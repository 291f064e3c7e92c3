/**
 * Imports flow one way (STYLE.md → Layout; issue 13 §3): app → lib; lib/mcp and lib/api →
 * the domain and the authorization server; lib/oauth → lib/domain; lib/domain → lib/db. Every
 * import, export-from, dynamic import and require of every source file is checked against
 * LAYERS, type-only imports included. Tests and lib/testing may import anything.
 */
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

type Layer =
  | "app"
  | "components"
  | "next"
  | "mcp"
  | "api"
  | "operations"
  | "integrations"
  | "oauth"
  | "domain"
  | "auth"
  | "web"
  | "http"
  | "db"
  | "infra"
  | "prisma"
  | "scripts"
  | "e2e"
  | "config";

/** Everything in lib a page, a component or Next's root files may use: all but the Prisma client. */
const LIB_BUT_DB: Layer[] = ["mcp", "api", "operations", "integrations", "oauth", "domain", "auth", "web", "http", "infra"];

/**
 * Each layer: the files in it (path without extension, first match wins) and the layers it may
 * import besides its own. `db` is the Prisma client (lib/db.ts, lib/generated); `infra` the
 * rest of lib's root (lib/env.ts, lib/db-errors.ts, lib/data-location.mjs…).
 */
const LAYERS: Array<{ layer: Layer; files: RegExp; mayImport: Layer[] }> = [
  { layer: "app", files: /^app\//, mayImport: ["components", ...LIB_BUT_DB] },
  { layer: "components", files: /^components\//, mayImport: LIB_BUT_DB },
  { layer: "next", files: /^(proxy|instrumentation)$/, mayImport: LIB_BUT_DB },
  { layer: "mcp", files: /^lib\/mcp\//, mayImport: ["operations", "integrations", "domain", "oauth", "http", "db", "infra"] },
  { layer: "api", files: /^lib\/api\//, mayImport: ["operations", "integrations", "domain", "oauth", "http", "db", "infra"] },
  { layer: "operations", files: /^lib\/operations\//, mayImport: ["integrations", "domain", "oauth", "db", "infra"] },
  { layer: "integrations", files: /^lib\/integrations\//, mayImport: ["operations", "domain", "oauth", "db", "infra"] },
  { layer: "oauth", files: /^lib\/oauth\//, mayImport: ["domain", "db", "infra"] },
  { layer: "domain", files: /^lib\/domain\//, mayImport: ["db", "infra"] },
  { layer: "auth", files: /^lib\/auth\//, mayImport: ["domain", "http", "db", "infra"] },
  { layer: "web", files: /^lib\/web\//, mayImport: ["domain", "infra"] },
  { layer: "http", files: /^lib\/http\//, mayImport: ["oauth", "domain", "infra"] },
  { layer: "db", files: /^lib\/(db|generated\/.*)$/, mayImport: ["infra"] },
  { layer: "infra", files: /^lib\/[^/]+$/, mayImport: ["db"] },
  { layer: "prisma", files: /^prisma\//, mayImport: ["domain", "db", "infra"] },
  { layer: "scripts", files: /^scripts\//, mayImport: [...LIB_BUT_DB, "db", "prisma", "config"] },
  { layer: "e2e", files: /^e2e\//, mayImport: [...LIB_BUT_DB, "db", "prisma", "config"] },
  { layer: "config", files: /^[^/]+\.config$/, mayImport: ["infra"] },
];

/** Free to import anything: tests and their fixtures. */
const EXEMPT = /\.(test|spec)\.tsx?$|^lib\/testing\//;

const SOURCE_ROOTS = ["app", "components", "lib", "prisma", "scripts", "e2e"];
const ROOT_FILES = ["proxy.ts", "instrumentation.ts"];
const SKIPPED_DIRS = new Set(["node_modules", "generated", "migrations"]);

const ROOT = path.resolve(import.meta.dirname, "..");

export function layerOf(file: string): Layer | null {
  const stem = file.replace(/\.(ts|tsx|mjs|js)$/, "").replace(/\/index$/, "");
  return LAYERS.find((l) => l.files.test(stem))?.layer ?? null;
}

/** The repository path an import names, or null for a package. */
export function importedPath(from: string, specifier: string): string | null {
  if (specifier.startsWith("@/")) return path.posix.normalize(specifier.slice(2));
  if (specifier.startsWith(".")) return path.posix.join(path.posix.dirname(from), specifier);
  return null;
}

/** Every file → import that runs against LAYERS, as "file → import (layer → layer)". */
export function wrongWayImports(files: ReadonlyArray<{ file: string; imports: readonly string[] }>): string[] {
  const wrong: string[] = [];
  for (const { file, imports } of files) {
    if (EXEMPT.test(file)) continue;
    const from = layerOf(file);
    const allowed = LAYERS.find((l) => l.layer === from)?.mayImport ?? [];
    for (const specifier of imports) {
      const target = importedPath(file, specifier);
      if (target === null) continue;
      const to = layerOf(target);
      if (to !== from && !(to && allowed.includes(to))) wrong.push(`${file} → ${specifier} (${from} → ${to ?? "unknown"})`);
    }
  }
  return wrong;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return SKIPPED_DIRS.has(entry.name) ? [] : sourceFiles(file);
    return /\.(ts|tsx|mjs)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

function readImports(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), "utf8"), true, true).importedFiles.map((i) => i.fileName);
}

describe("the import direction", () => {
  const files = [...SOURCE_ROOTS.flatMap(sourceFiles), ...ROOT_FILES].map((file) => ({ file, imports: readImports(file) }));

  it("knows the layer of every source file", () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.filter(({ file }) => !EXEMPT.test(file) && layerOf(file) === null).map(({ file }) => file)).toEqual([]);
  });

  it("holds for every import: app → lib; mcp and api → domain and oauth; oauth → domain; domain → db", () => {
    const wrong = wrongWayImports(files);
    expect(wrong, `Imports running the wrong way (see LAYERS in lib/architecture.test.ts):\n${wrong.join("\n")}`).toEqual([]);
  });

  it.each([
    ["lib/domain/users/disable-user.ts", "@/lib/oauth/grants", "domain → oauth"],
    ["lib/domain/users/verify-credentials.ts", "@/lib/auth/password", "domain → auth"],
    ["lib/domain/connections/connection-view.ts", "../../integrations/resolve-connection", "domain → integrations"],
    ["lib/oauth/grants.ts", "@/lib/integrations/resolve-connection", "oauth → integrations"],
    ["lib/oauth/token/token-pair.ts", "@/lib/http/oauth-response", "oauth → http"],
    ["lib/oauth/grants.ts", "@/lib/mcp/tool", "oauth → mcp"],
    ["lib/integrations/resolve-connection.ts", "@/lib/api/problem", "integrations → api"],
    ["lib/operations/catalog.ts", "@/lib/mcp/tool", "operations → mcp"],
    ["lib/auth/session.ts", "@/proxy", "auth → next"],
    ["lib/domain/errors.ts", "@/app/layout", "domain → app"],
    ["app/(app)/page.tsx", "@/lib/db", "app → db"],
    ["components/consent/workspace-picker.tsx", "@/lib/generated/prisma/enums", "components → db"],
  ])("refuses %s importing %s (%s)", (file, specifier, direction) => {
    expect(wrongWayImports([{ file, imports: [specifier] }])).toEqual([expect.stringContaining(`(${direction})`)]);
  });

  it.each([
    ["lib/mcp/call-tool.ts", "@/lib/operations/catalog"],
    ["lib/api/endpoint.ts", "@/lib/oauth/scopes"],
    ["lib/oauth/grants.ts", "@/lib/domain/connections/end-grant"],
    ["lib/domain/users/verify-credentials.ts", "./password"],
    ["lib/domain/audit/record-audit-event.ts", "@/lib/generated/prisma/client"],
    ["app/(app)/page.tsx", "@/lib/domain/connections/list-user-connections"],
    ["lib/domain/connections/connections.test.ts", "@/lib/oauth/grants"],
    ["lib/testing/oauth-flow.ts", "@/app/oauth/token/route"],
  ])("lets %s import %s", (file, specifier) => {
    expect(wrongWayImports([{ file, imports: [specifier] }])).toEqual([]);
  });
});

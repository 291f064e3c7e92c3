import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: [
      // Same as tsconfig's "@/*" paths. A regex, so "@prisma/..." packages are not rewritten.
      { find: /^@\//, replacement: `${root}/` },
      { find: /^server-only$/, replacement: path.join(root, "lib/testing/empty-module.ts") },
    ],
  },
  test: {
    include: ["**/*.test.ts"],
    exclude: ["**/node_modules/**", "e2e/**", ".next/**", ".data/**", "lib/generated/**"],
    // Child processes rather than threads: native better-sqlite3 and a clean process.env per file.
    pool: "forks",
    globalSetup: ["lib/testing/global-setup.ts"],
    setupFiles: ["lib/testing/setup-database.ts"],
  },
});

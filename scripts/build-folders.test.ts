import fs from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";

// `next build` rewrites tsconfig.json (adding its type folders to `include`, reformatting the
// file) when they are missing, which would leave a tracked file changed after a build. Every build
// folder the project uses (next.config.ts's distDir: `.next`, and `.next-bench` for npm run bench)
// must already be listed, in the spelling Next itself checks for.
const require = createRequire(import.meta.url);
const { getTypeDefinitionGlobPatterns } = require("next/dist/lib/typescript/type-paths.js") as {
  getTypeDefinitionGlobPatterns: (distDir: string) => string[];
};

describe("tsconfig.json and the build folders", () => {
  const include: string[] = JSON.parse(fs.readFileSync("tsconfig.json", "utf8")).include;

  it.each([".next", ".next-bench"])("lists Next's type folders of %s, so building there leaves tsconfig.json alone", (distDir) => {
    for (const pattern of getTypeDefinitionGlobPatterns(distDir)) expect(include).toContain(pattern);
  });

  it("the benchmark builds into .next-bench", () => {
    expect(fs.readFileSync("scripts/bench.ts", "utf8")).toMatch(/NEXT_DIST_DIR = "\.next-bench"/);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { databaseFreeTests } from "./database-free-tests";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "db-free-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string) {
  fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  fs.writeFileSync(path.join(root, file), text);
}

write("lib/db.ts", "export const db = {};");
write("lib/generated/sqlite/client.ts", "export class PrismaClient {}");
write("lib/money.ts", 'import { z } from "zod";\nexport const cents = 1;');
write("lib/repo.ts", 'import { db } from "./db";\nexport const find = () => db;');
write("lib/service.ts", 'export { find } from "@/lib/repo";');
write("lib/a.ts", 'import { b } from "./b";\nexport const a = 1;');
write("lib/b.ts", 'import { a } from "./a";\nexport const b = 2;');

describe("databaseFreeTests", () => {
  it.each([
    ["imports only code that stays off the database", 'import { cents } from "@/lib/money";', true],
    ["imports nothing of ours", 'import { it } from "vitest";', true],
    ["survives an import cycle", 'import { a } from "../lib/a";', true],
    ["reaches lib/db.ts through a chain of @/ and relative imports", 'import { find } from "@/lib/service";', false],
    ["imports lib/db.ts only dynamically", 'const { db } = await import("@/lib/db");', false],
    ["imports a generated Prisma client", 'import { PrismaClient } from "@/lib/generated/sqlite/client";', false],
    ["mocks the database module", 'vi.mock("@/lib/db", () => ({}));', false],
    ["may start a script that opens the database", 'import { spawn } from "node:child_process";', false],
  ])("a test file that %s is database-free: %s", (_, source, free) => {
    write("t/x.test.ts", source);
    expect(databaseFreeTests(root, ["t/x.test.ts"])).toEqual(free ? ["t/x.test.ts"] : []);
  });

  it("finds this repository's pure unit tests and leaves out its integration tests", () => {
    const repo = path.resolve(import.meta.dirname, "../..");
    const free = databaseFreeTests(repo, ["lib/domain/money.test.ts", "lib/domain/csv/exports.test.ts", "scripts/first-start.test.ts"]);
    expect(free).toEqual(["lib/domain/money.test.ts"]);
  });
});

import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("parseEnv: the data folder and the database", () => {
  it.each([
    ["nothing set: the database is inside .data", {}, ".data", `file:${path.join(".data", "hourbook.db")}`],
    ["a data folder: the database moves with it", { HOURBOOK_DATA_DIR: "/srv/hourbook-b" }, "/srv/hourbook-b", "file:/srv/hourbook-b/hourbook.db"],
    ["an empty DATABASE_URL counts as unset", { HOURBOOK_DATA_DIR: "/srv/b", DATABASE_URL: "" }, "/srv/b", "file:/srv/b/hourbook.db"],
    ["an explicit DATABASE_URL wins", { HOURBOOK_DATA_DIR: "/srv/b", DATABASE_URL: "file:/elsewhere/x.db" }, "/srv/b", "file:/elsewhere/x.db"],
    ["a server database", { DATABASE_URL: "postgresql://h/db" }, ".data", "postgresql://h/db"],
  ])("%s", (_name, source, dataDir, databaseUrl) => {
    const env = parseEnv(source);
    expect(env.HOURBOOK_DATA_DIR).toBe(dataDir);
    expect(env.DATABASE_URL).toBe(databaseUrl);
  });

  it("refuses a DATABASE_URL of another kind, naming the variable", () => {
    expect(() => parseEnv({ DATABASE_URL: "mysql://h/db" })).toThrow(/DATABASE_URL must start with file: or postgresql:\/\//);
  });
});

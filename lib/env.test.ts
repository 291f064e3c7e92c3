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

  it("keeps at most 10 PostgreSQL connections per instance unless told otherwise, and refuses a pool of none", () => {
    expect(parseEnv({}).HOURBOOK_DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ HOURBOOK_DATABASE_POOL_SIZE: "25" }).HOURBOOK_DATABASE_POOL_SIZE).toBe(25);
    expect(() => parseEnv({ HOURBOOK_DATABASE_POOL_SIZE: "0" })).toThrow(/HOURBOOK_DATABASE_POOL_SIZE/);
  });
});

describe("parseEnv: HOURBOOK_ALLOWED_ORIGINS", () => {
  it.each<[string, string | undefined, string[]]>([
    ["unset: loopback", undefined, ["loopback"]],
    ["empty: loopback", "", ["loopback"]],
    ["origins and loopback", "https://inspector.example, loopback,http://localhost:6274", ["https://inspector.example", "loopback", "http://localhost:6274"]],
    ["an origin with a trailing slash, in its serialised form", "HTTPS://Inspector.Example:443/", ["https://inspector.example"]],
  ])("%s", (_name, value, expected) => {
    expect(parseEnv(value === undefined ? {} : { HOURBOOK_ALLOWED_ORIGINS: value }).HOURBOOK_ALLOWED_ORIGINS).toEqual(expected);
  });

  it.each(["*", "inspector.example", "https://inspector.example/mcp", "https://inspector.example?x=1", "ftp://files.example", "https://user@inspector.example", "localhost"])(
    "refuses %j, naming the variable",
    (value) => {
      expect(() => parseEnv({ HOURBOOK_ALLOWED_ORIGINS: value })).toThrow(/HOURBOOK_ALLOWED_ORIGINS: .* is not an origin/);
    },
  );
});

describe("parseEnv: the benchmark's settings", () => {
  it.each<[string, Record<string, string>, number | undefined, "0" | "1"]>([
    ["unset: the token endpoint's own limit, no bench routes", {}, undefined, "0"],
    ["as the benchmark sets them", { HOURBOOK_TOKEN_RATE_LIMIT: "100000000", HOURBOOK_BENCH_ROUTES: "1" }, 100_000_000, "1"],
  ])("%s", (_name, source, tokenLimit, benchRoutes) => {
    const env = parseEnv(source);
    expect(env.HOURBOOK_TOKEN_RATE_LIMIT).toBe(tokenLimit);
    expect(env.HOURBOOK_BENCH_ROUTES).toBe(benchRoutes);
  });

  it.each([
    ["HOURBOOK_TOKEN_RATE_LIMIT", "0"],
    ["HOURBOOK_TOKEN_RATE_LIMIT", "lots"],
    ["HOURBOOK_BENCH_ROUTES", "yes"],
  ])("refuses %s=%j, naming the variable", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(new RegExp(name));
  });
});

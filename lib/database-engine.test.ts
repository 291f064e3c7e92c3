import { describe, expect, it } from "vitest";
import { engineOf } from "./database-engine.mjs";

describe("engineOf", () => {
  it.each([
    ["file:./.data/hourbook.db", "sqlite"],
    ["file:/srv/hourbook/hourbook.db", "sqlite"],
    ["postgresql://hourbook:secret@db:5432/hourbook", "postgresql"],
    ["postgres://db/hourbook", "postgresql"],
  ])("%s is %s", (url, engine) => {
    expect(engineOf(url)).toBe(engine);
  });

  it("refuses another scheme, naming both that work and hiding the password", () => {
    expect(() => engineOf("mysql://root:hunter2@db/hourbook")).toThrow(/file: URL \(SQLite\) or a postgresql:\/\/ URL/);
    expect(() => engineOf("mysql://root:hunter2@db/hourbook")).not.toThrow(/hunter2/);
  });
});

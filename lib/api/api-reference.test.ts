import { describe, expect, it } from "vitest";
import { apiReference, describeType } from "./api-reference";
import { API_ENDPOINTS } from "./endpoint-catalog";

describe("the API reference page's model", () => {
  const reference = apiReference();
  const operations = reference.tags.flatMap((t) => t.operations);

  it("lists every endpoint of the catalog once, under its tag", () => {
    expect(operations.map((o) => `${o.method} ${o.path}`).sort()).toEqual(API_ENDPOINTS.map((e) => `${e.method} ${e.path}`).sort());
    for (const e of API_ENDPOINTS) expect(reference.tags.find((t) => t.name === e.tag)?.operations.map((o) => o.id)).toContain(e.operationId);
  });

  it("names each endpoint's scope, the coarse scope that covers it, and its parameters and body fields", () => {
    const create = operations.find((o) => o.id === "createTimeEntry");
    expect(create).toMatchObject({ scope: "time:write", alsoAllowedBy: ["hourbook:write"], successStatus: "201" });
    expect(create?.fields.map((f) => `${f.where}.${f.name}`)).toEqual(expect.arrayContaining(["header.Idempotency-Key", "body.project_id", "body.started_at", "body.duration_seconds"]));
    expect(create?.fields.find((f) => f.name === "duration_seconds")).toMatchObject({ required: true, type: "integer 60–86400" });

    const list = operations.find((o) => o.id === "listTimeEntries");
    expect(list?.fields.find((f) => f.name === "tag_id")).toMatchObject({ where: "query", type: "string (1–64 characters) or array of string (1–64 characters) (at most 20)" });
    expect(operations.find((o) => o.id === "deleteTimeEntry")).toMatchObject({ scope: "hourbook:admin", alsoAllowedBy: [], successStatus: "204" });
  });

  it("shows a body of several shapes as one table per variant", () => {
    const create = operations.find((o) => o.id === "createRule");
    expect(create?.bodyVariants.map((v) => v.title)).toEqual(["kind: rounding", "kind: minimum_duration", "kind: rate_override"]);
    expect(create?.bodyVariants[2]?.fields.map((f) => f.name)).toContain("hourly_rate");
    // A nullable field keeps its description (zod puts it on the non-null variant).
    expect(create?.bodyVariants[0]?.fields.find((f) => f.name === "client_id")).toMatchObject({ type: "string (1–64 characters) or null", description: expect.stringContaining("client") });
  });

  it.each([
    [{ type: "string", format: "date" }, "string (date)"],
    [{ type: "integer", minimum: -9_007_199_254_740_991, maximum: 9_007_199_254_740_991 }, "integer"],
    [{ anyOf: [{ type: "integer", minimum: 0 }, { type: "null" }] }, "integer ≥ 0 or null"],
    [{ type: "string", enum: ["open", "done"] }, '"open" | "done"'],
    [{ type: "array", items: { type: "string" } }, "array of string"],
  ])("writes %j as %s", (schema, words) => {
    expect(describeType(schema)).toBe(words);
  });
});

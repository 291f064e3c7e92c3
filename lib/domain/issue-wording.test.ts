/**
 * zod's own wording never reaches people: every issue a schema gives no message for is worded
 * as ours (./issue-wording.ts), through parseInput (web forms and the domain), and for every
 * REST endpoint's and MCP tool's published input walked field by field with bad values.
 */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { API_ENDPOINTS } from "@/lib/api/endpoint-catalog";
import { TOOL_CATALOG } from "@/lib/mcp/tool-catalog";
import { publishedInput } from "@/lib/mcp/tool-schemas";
import { EntryDescription, Name, PageSize } from "@/lib/domain/schemas";
import { ResetPasswordInput } from "@/lib/domain/users/reset-password";
import { SignUpInput } from "@/lib/domain/users/sign-up";
import { NewAccountInput } from "@/lib/domain/invitations/accept-invitation";
import { parseInput, type DomainError } from "./errors";
import { WORDED } from "./issue-wording";

/** Phrases of zod's default (English) messages. */
const ZOD_DEFAULT = /Invalid input|Invalid option|Invalid (string|number|ISO|email|URL|UUID|key|value|discriminator)|Too big|Too small|expected (string|number|int|boolean|object|array|date|one of)|received|Unrecognized key|[<>]=?\d/;

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input, WORDED);
  if (result.success) return [];
  const out: string[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[]) => {
    for (const issue of issues) {
      out.push(issue.message);
      if (issue.code === "invalid_union") for (const option of issue.errors) walk(option);
    }
  };
  walk(result.error.issues);
  return out;
}

function fieldErrors(schema: z.ZodType, input: unknown): Record<string, string> {
  try {
    parseInput(schema, input);
  } catch (error) {
    return { ...(error as DomainError).fieldErrors, _message: (error as DomainError).message };
  }
  throw new Error("parsed");
}

describe("our wording for zod's issues", () => {
  it.each<[string, z.ZodType, unknown, string]>([
    ["text over its bound", z.object({ description: z.string().max(1000) }), { description: "x".repeat(1001) }, "description: must be at most 1000 characters"],
    ["text under its bound", z.object({ code: z.string().min(3) }), { code: "ab" }, "code: must be at least 3 characters"],
    ["empty text that must have one character", z.object({ name: z.string().min(1) }), { name: "" }, "name: is required"],
    ["text of the wrong length", z.object({ pin: z.string().length(4) }), { pin: "12" }, "pin: must have exactly 4 characters"],
    ["a missing field", z.object({ name: z.string() }), {}, "name: is required"],
    ["a number for text", z.object({ name: z.string() }), { name: 3 }, "name: must be text"],
    ["text for a boolean", z.object({ billable: z.boolean() }), { billable: "maybe" }, "billable: must be true or false"],
    ["a fraction for a whole number", z.object({ amount: z.int() }), { amount: 12.5 }, "amount: must be a whole number"],
    ["text for a whole number", z.object({ amount: z.int() }), { amount: "12" }, "amount: must be a whole number"],
    ["text for a number", z.object({ rate: z.number() }), { rate: "1" }, "rate: must be a number"],
    ["a number over its bound", z.object({ limit: z.int().min(1).max(200) }), { limit: 500 }, "limit: must be at most 200"],
    ["a number under its bound", z.object({ limit: z.int().min(1).max(200) }), { limit: 0 }, "limit: must be at least 1"],
    ["a number not over zero", z.object({ rate: z.number().positive() }), { rate: 0 }, "rate: must be more than 0"],
    ["an unknown choice", z.object({ status: z.enum(["open", "in_progress", "done"]) }), { status: "later" }, "status: must be one of: open, in_progress, done"],
    ["a literal", z.object({ kind: z.literal("rounding") }), { kind: "x" }, "kind: must be rounding"],
    ["too many items", z.object({ ids: z.array(z.string()).max(2) }), { ids: ["a", "b", "c"] }, "ids: must have at most 2 items"],
    ["no items", z.object({ ids: z.array(z.string()).min(1) }), { ids: [] }, "ids: must have at least one item"],
    ["a list for text", z.object({ name: z.string() }), { name: ["a"] }, "name: must be text"],
    ["an email", z.object({ to: z.email() }), { to: "the editor" }, "to: must be an email address"],
    ["a date", z.object({ from: z.iso.date() }), { from: "2026-13-01" }, "from: must be a date written YYYY-MM-DD"],
    ["a date-time", z.object({ at: z.iso.datetime() }), { at: "yesterday" }, "at: must be an ISO 8601 date-time such as 2026-11-23T09:00:00Z"],
    ["a pattern", z.object({ code: z.string().regex(/^[A-Z]+$/) }), { code: "abc" }, "code: is not in the expected form"],
    ["a prefix", z.object({ token: z.string().startsWith("hb_") }), { token: "x" }, "token: must start with hb_"],
    ["a multiple", z.object({ step: z.int().multipleOf(60) }), { step: 90 }, "step: must be a multiple of 60"],
    ["an unknown field", z.strictObject({ a: z.string() }), { a: "x", b: 1 }, "unknown field: b"],
    ["a refinement without a message", z.object({ a: z.string().refine(() => false) }), { a: "x" }, "a: is not valid"],
    ["no object at all", z.object({ a: z.string() }), "text", "must be an object"],
    ["a union neither option takes", z.object({ at: z.union([z.date(), z.int()]) }), { at: "x" }, "at: is not in an accepted form"],
  ])("words %s", (_, schema, input, message) => {
    expect(fieldErrors(schema, input)._message).toBe(message);
  });

  it("keeps a schema's own message", () => {
    expect(fieldErrors(z.object({ name: z.string().max(3, "is too long for a label") }), { name: "abcd" })._message).toBe("name: is too long for a label");
  });

  it.each<[string, z.ZodType, unknown]>([
    ["an entry description over 1000 characters", z.object({ description: EntryDescription }), { description: "x".repeat(1001) }],
    ["a name that is a number", z.object({ name: Name }), { name: 7 }],
    ["a page size of 0", z.object({ limit: PageSize }), { limit: 0 }],
    ["a sign-up with nothing right", SignUpInput, { name: 1, email: [], password: null, workspaceName: {}, currency: 3, timeZone: false }],
    ["an invitation's new account with nothing right", NewAccountInput, { name: "", password: 5 }],
    ["a reset whose confirmation runs to 201 characters", ResetPasswordInput, { password: "correct horse battery", confirm: "x".repeat(201), disconnectApps: "yes" }],
  ])("words the domain's schemas: %s", (_, schema, input) => {
    const errors = fieldErrors(schema, input);
    expect(Object.keys(errors).length).toBeGreaterThan(1);
    for (const message of Object.values(errors)) expect(message).not.toMatch(ZOD_DEFAULT);
  });
});

/** Bad values for one field: wrong types, out of any bound, empty, nested junk. */
const BAD_VALUES: unknown[] = [undefined, null, { bad: true }, [], [{ bad: true }], ["x"], "", "x".repeat(100_001), "not-a-value", -1e15, 1e15, 1.5, 0, true, "2026-13-45"];

const surfaces: Array<[string, z.ZodType]> = [
  ...API_ENDPOINTS.flatMap((e) =>
    (["params", "query", "body"] as const).flatMap((part) => {
      const schema = e[part];
      return schema ? [[`${e.method} ${e.path} ${part}`, schema] as [string, z.ZodType]] : [];
    }),
  ),
  ...TOOL_CATALOG.map((tool) => [`tool ${tool.name}`, publishedInput(tool)] as [string, z.ZodType]),
];

describe("every published input, walked with bad values", () => {
  it.each(surfaces)("%s says nothing in zod's words", (_, schema) => {
    const shape = schema instanceof z.ZodObject ? (schema.shape as Record<string, unknown>) : {};
    const inputs: unknown[] = [undefined, null, "text", [], {}, ...Object.keys(shape).flatMap((key) => BAD_VALUES.map((value) => ({ [key]: value })))];
    const said = new Set(inputs.flatMap((input) => messages(schema, input)));
    expect(said.size).toBeGreaterThan(0);
    expect([...said].filter((message) => ZOD_DEFAULT.test(message))).toEqual([]);
  });
});

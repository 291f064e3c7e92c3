import { describe, expect, it } from "vitest";
import { IdempotencyKey } from "@/lib/mcp/tool-schemas";
import { IDEMPOTENCY_KEY_PATTERN } from "./idempotency-key";

describe("an idempotency key", () => {
  it.each(["12345678", "550e8400-e29b-41d4-a716-446655440000", "~".repeat(200), "!#$%&'()*"])("may be %s", (key) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(true);
    expect(IdempotencyKey.safeParse(key).success).toBe(true);
  });

  it.each([
    ["7 characters", "1234567"],
    ["201 characters", "a".repeat(201)],
    ["a space", "1234 5678"],
    ["a non-ASCII letter", "12345678é"],
    ["a trailing newline", "12345678\n"],
  ])("may not have %s, on either surface", (_why, key) => {
    expect(IDEMPOTENCY_KEY_PATTERN.test(key)).toBe(false);
    expect(IdempotencyKey.safeParse(key).error?.issues[0]?.message).toBe("must be 8–200 printable ASCII characters without spaces");
  });
});

import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { DurationSeconds } from "@/lib/domain/schemas";
import { fieldLabel, readableMessage } from "./field-error";

function refusal(work: () => unknown) {
  try {
    work();
  } catch (error) {
    return error as Parameters<typeof readableMessage>[0];
  }
  throw new Error("expected a refusal");
}

describe("readableMessage", () => {
  it.each([
    // The fresh-user test's examples: input keys leaked into what people read.
    [{ durationSeconds: 25 * 3600 }, /^Duration cannot be longer than 24 hours\.$/],
    [{ durationSeconds: 0 }, /^Duration must be at least one minute\.$/],
  ])("words a domain refusal of %j about the field, not its key", (input, expected) => {
    const error = refusal(() => parseInput(z.object({ durationSeconds: DurationSeconds }), input));
    expect(error.message).toMatch(/^durationSeconds: /);
    expect(readableMessage(error)).toMatch(expected);
  });

  it("words nested keys by their last segment", () => {
    const error = invalidInput("filter.to: must not be before the start date; filter.what: is not an event type or category", {
      "filter.to": "must not be before the start date",
      "filter.what": "is not an event type or category",
    });
    expect(readableMessage(error)).toBe("To must not be before the start date. What is not an event type or category.");
  });

  it("leaves a message the domain worded itself alone", () => {
    expect(readableMessage(invalidInput("A member can only list their own time entries.", { membershipId: "is another member" }))).toBe(
      "A member can only list their own time entries.",
    );
    expect(readableMessage({ message: "Not found." })).toBe("Not found.");
  });
});

describe("fieldLabel", () => {
  it.each([
    ["durationSeconds", "Duration"],
    ["projectId", "Project"],
    ["tagIds.2", "Tag"],
    ["filter.to", "To"],
    ["started_at", "Started at"],
    ["seconds", "Seconds"],
  ])("%s → %s", (key, label) => expect(fieldLabel(key)).toBe(label));
});

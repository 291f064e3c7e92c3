import { describe, expect, it } from "vitest";
import { z } from "zod";
import { invalidInput, parseInput } from "@/lib/domain/errors";
import { DurationSeconds } from "@/lib/domain/schemas";
import { requestPasswordReset } from "@/lib/domain/users/request-password-reset";
import { formError, runAction, type ActionState } from "./action-state";
import { bannerMessage, fieldLabel, formFieldErrors, readableMessage } from "./field-error";

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

describe("a refusal said once: at its field, not again in the banner", () => {
  it("says the forgot-password form's bad email at the field only", async () => {
    const state = await runAction(() => requestPasswordReset({ email: "not an email" }));
    const errors = formFieldErrors(state);
    expect(errors.error("Email", "email")).toBe("Email must be an email address.");
    expect(bannerMessage(state, errors.shown)).toBeNull();
  });

  it("keeps the banner when a field error is not shown at a field of the form", async () => {
    const state = await runAction(() => requestPasswordReset({ email: "not an email" }));
    const errors = formFieldErrors(state);
    errors.error("Name", "name");
    expect(errors.shown.size).toBe(0);
    expect(bannerMessage(state, errors.shown)).toBe("Email must be an email address.");
  });

  it.each<[string, ActionState, string[], string | null]>([
    ["a refusal about the whole form", { status: "error", message: "Too many requests; try again in a minute.", fieldErrors: {} }, [], "Too many requests; try again in a minute."],
    [
      "a message the domain worded beyond its field errors",
      { status: "error", message: "A member can only list their own time entries.", fieldErrors: { membershipId: "is another member" } },
      ["membershipId"],
      "A member can only list their own time entries.",
    ],
    ["a form-level refusal of one field (formError), shown at it", formError("duration", "Write it like 1:30."), ["duration"], null],
    ["a success", { status: "success", message: "Saved." }, [], "Saved."],
    ["nothing yet", { status: "idle" }, [], null],
  ])("%s", (_, state, shown, expected) => {
    expect(bannerMessage(state, shown)).toBe(expected);
  });

  it("notes the key a field shows (the first of its names with a message)", () => {
    const state: ActionState = { status: "error", message: "x", fieldErrors: { durationSeconds: "must be at least one minute" } };
    const errors = formFieldErrors(state);
    expect(errors.error("Duration", "duration", "durationSeconds")).toBe("Duration must be at least one minute.");
    expect(errors.message("startTime")).toBeUndefined();
    expect([...errors.shown]).toEqual(["durationSeconds"]);
  });
});

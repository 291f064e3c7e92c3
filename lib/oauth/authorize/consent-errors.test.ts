import { describe, expect, it } from "vitest";
import { CONSENT_ERRORS, consentErrorMessage } from "./consent-errors";

describe("consentErrorMessage", () => {
  it.each(Object.entries(CONSENT_ERRORS))("shows our own message for %s", (code, message) => {
    expect(consentErrorMessage(code)).toBe(message);
  });

  // The consent page's ?error= is anyone's to write; what it carries is never shown as text.
  it.each([
    "Your session expired. Call +1 555 0100 to restore access.",
    "<b>Approve now</b>",
    "STALE_REQUEST",
    "constructor",
    "__proto__",
    "toString",
    "",
  ])("shows nothing for %j", (value) => {
    expect(consentErrorMessage(value)).toBeNull();
  });

  it("shows nothing without an error", () => {
    expect(consentErrorMessage(undefined)).toBeNull();
  });
});

import { describe, expect, it } from "vitest";
import { isPrintable, Name, OptionalText } from "./schemas";

describe("isPrintable: text that prints as typed on an invoice or a page", () => {
  it.each([
    ["plain Latin-1", "Babbage & Co", false, true],
    ["other scripts and signs", "Łódź — Ελλάδα — Москва — €£zł", false, true],
    ["a line break on one line", "a\nb", false, false],
    ["a line break where lines are allowed", "a\nb", true, true],
    ["a carriage return even where lines are allowed", "a\rb", true, false],
    ["a NUL", "a\u0000b", false, false],
    ["a tab", "a\tb", true, false],
    ["an escape", "\u001b[31mred", true, false],
    ["a C1 control", "a\u0085b", false, false],
    ["a right-to-left override", "abc\u202edef", false, false],
    ["a left-to-right embedding", "abc\u202adef", false, false],
    ["a first-strong isolate", "abc\u2068def\u2069", false, false],
    ["a zero-width joiner (emoji sequences need it)", "👩\u200d💻", false, true],
  ])("%s → %s", (_, text, multiline, printable) => {
    expect(isPrintable(text, multiline)).toBe(printable);
  });

  it("names and free text refuse what would not print", () => {
    expect(Name.safeParse("Ada\u0000").error?.issues[0]?.message).toBe("may not contain control or text-direction characters");
    expect(OptionalText(200).safeParse("Thanks\u202e").success).toBe(false);
    expect(OptionalText(200).parse("Thanks,\nAda")).toBe("Thanks,\nAda");
  });
});

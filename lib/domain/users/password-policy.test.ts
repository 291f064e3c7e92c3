import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { parseInput, type DomainError } from "@/lib/domain/errors";
import { NewPassword, newPasswordFor, PASSWORD_CONTROL_CHARACTERS, PASSWORD_IS_EMAIL, PASSWORD_TOO_LONG, PASSWORD_TOO_SHORT } from "./password-policy";

const refusal = (password: string, schema = NewPassword) => {
  try {
    parseInput(schema, password);
    return null;
  } catch (error) {
    return (error as DomainError).message;
  }
};

describe("the password rule", () => {
  it.each([
    ["72 plain letters (72 bytes)", "a".repeat(72)],
    ["10 plain letters", "abcdefghij"],
    ["36 accented letters (72 bytes)", "é".repeat(36)],
    ["18 emoji (72 bytes)", "🔑".repeat(18)],
    ["10 emoji, counted as 10 characters", "🔑".repeat(10)],
    ["spaces, kept as typed", "  a few words  "],
    ["emoji built with a zero-width joiner and a variation selector", "👩\u200d💻 ❤\ufe0f correct horse"],
    ["Persian with a zero-width non-joiner", "می\u200cخواهم رمز عبور"],
  ])("accepts %s", (_, password) => {
    expect(refusal(password)).toBeNull();
  });

  it.each([
    ["73 plain letters (73 bytes)", "a".repeat(73), PASSWORD_TOO_LONG],
    ["200 plain letters, allowed before", "a".repeat(200), PASSWORD_TOO_LONG],
    ["37 accented letters (74 bytes)", "é".repeat(37), PASSWORD_TOO_LONG],
    ["30 emoji (30 characters, 120 bytes)", "🔑".repeat(30), PASSWORD_TOO_LONG],
    ["9 letters", "abcdefghi", PASSWORD_TOO_SHORT],
    ["5 emoji (10 UTF-16 units, 5 characters)", "🔑".repeat(5), PASSWORD_TOO_SHORT],
    ["a NUL", "correct\u0000horse", PASSWORD_CONTROL_CHARACTERS],
    ["a tab", "correct\thorse", PASSWORD_CONTROL_CHARACTERS],
    ["a line break", "correct horse\n", PASSWORD_CONTROL_CHARACTERS],
    ["U+001F", "correct\u001fhorse", PASSWORD_CONTROL_CHARACTERS],
    ["DEL (U+007F)", "correct\u007fhorse", PASSWORD_CONTROL_CHARACTERS],
    ["a C1 control (U+0085)", "correct\u0085horse", PASSWORD_CONTROL_CHARACTERS],
    ["an escape sequence", "correct\u001b[31mhorse", PASSWORD_CONTROL_CHARACTERS],
    ["a zero-width space (U+200B)", "correct\u200bhorse", PASSWORD_CONTROL_CHARACTERS],
    ["a right-to-left override (U+202E)", "correct\u202ehorse", PASSWORD_CONTROL_CHARACTERS],
    ["a left-to-right mark (U+200E)", "correct\u200ehorse", PASSWORD_CONTROL_CHARACTERS],
    ["a directional isolate (U+2067)", "correct\u2067horse", PASSWORD_CONTROL_CHARACTERS],
    ["a byte order mark (U+FEFF)", "\ufeffcorrect horse", PASSWORD_CONTROL_CHARACTERS],
  ])("refuses %s, saying why", (_, password, why) => {
    expect(refusal(password)).toBe(why);
  });

  it("words the byte limit so a person can act on it", () => {
    expect(PASSWORD_TOO_LONG).toBe("must be at most 72 bytes — about 72 letters, fewer with accents or emoji");
  });

  it("accepts exactly the passwords bcrypt reads whole: two it accepts never share a hash by truncation", async () => {
    const samples = ["a".repeat(71), "a".repeat(72), "a".repeat(73), "é".repeat(36), `${"é".repeat(35)}ab`, `${"é".repeat(35)}abc`, "🔑".repeat(18), `${"🔑".repeat(17)}abcde`];
    for (const password of samples) expect(refusal(password) === null, password).toBe(!bcrypt.truncates(password));
    // What the limit prevents: beyond 72 bytes bcrypt ignores the rest, so these would be one password.
    const hash = await bcrypt.hash(`${"a".repeat(72)}first`, 4);
    expect(await bcrypt.compare(`${"a".repeat(72)}second`, hash)).toBe(true);
  });

  it("refuses the account's own email, in any case and with spaces around it", () => {
    expect(refusal(" Ada@Example.com ", newPasswordFor("ada@example.com"))).toBe(PASSWORD_IS_EMAIL);
    expect(refusal("ada@example.com!", newPasswordFor("ada@example.com"))).toBeNull();
  });
});

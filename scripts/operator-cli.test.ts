/**
 * `npm run operator -- …` refuses arguments it cannot run with: it says what is wrong, then the
 * usage, exits with 2, and prints no message and changes no account. (What the commands do with
 * good arguments: lib/domain/users/password-reset.test.ts and disable-user.test.ts.)
 */
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { requestPasswordReset } from "@/lib/domain/users/request-password-reset";
import { createUser } from "@/prisma/seed/factories";
import { parseOutboxArgs, runOperator, USAGE } from "./operator-cli";

let email: string;
beforeAll(async () => {
  email = (await createUser(db)).email;
  await requestPasswordReset({ email });
});

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runOperator(args, { log: (l) => out.push(l), error: (l) => err.push(l) });
  return { code, out: out.join("\n"), err };
}

describe("usage errors", () => {
  it.each<[string, string[], string]>([
    ["--limit 0", ["outbox", "--limit", "0"], '--limit takes a whole number from 1 to 200, not "0".'],
    ["--limit 999", ["outbox", "--limit", "999"], '--limit takes a whole number from 1 to 200, not "999".'],
    ["--limit abc", ["outbox", "--limit", "abc"], '--limit takes a whole number from 1 to 200, not "abc".'],
    ["--limit -5", ["outbox", "--limit", "-5"], '--limit takes a whole number from 1 to 200, not "-5".'],
    ["--limit 2.5", ["outbox", "--limit", "2.5"], '--limit takes a whole number from 1 to 200, not "2.5".'],
    ["--limit=", ["outbox", "--limit="], '--limit takes a whole number from 1 to 200, not "".'],
    ["--limit without a number", ["outbox", "--limit"], "--limit takes a whole number from 1 to 200; none was given."],
    ["--limit twice", ["outbox", "--limit", "3", "--limit", "4"], "Give --limit once."],
    ["two emails", ["outbox", "a@example.com", "b@example.com"], "Give one email, not 2: a@example.com, b@example.com."],
    ["an unknown flag", ["outbox", "--verbose"], "Unknown option --verbose: outbox takes only an email and --limit N."],
    ["an unknown short flag", ["outbox", "-n", "3"], "Unknown option -n: outbox takes only an email and --limit N."],
    ["an invalid email", ["outbox", "not-an-email"], '"not-an-email" is not an email address.'],
    ["disable-user without an email", ["disable-user"], "Give the account's email."],
    ["disable-user with two emails", ["disable-user", "a@example.com", "b@example.com"], "Give one email, not 2: a@example.com, b@example.com."],
    ["disable-user with an invalid email", ["disable-user", "ada at example.com"], '"ada at example.com" is not an email address.'],
    ["enable-user with an option", ["enable-user", "--force", "a@example.com"], "Unknown option --force: enable-user takes only an email."],
    ["an unknown command", ["frobnicate", "a@example.com"], 'Unknown command "frobnicate".'],
    ["no command", [], "Give a command."],
  ])("refuses %s with what is wrong, the usage and exit code 2", async (_, args, message) => {
    expect(await run(...args)).toEqual({ code: 2, out: "", err: [message, USAGE] });
  });

  it("prints no message when --limit is out of range, even for an email that has messages", async () => {
    expect(await run("outbox", email, "--limit", "999")).toMatchObject({ code: 2, out: "" });
    expect(await run("outbox", email, "--limit", "200")).toMatchObject({ code: 0, out: expect.stringContaining(`to ${email}`) });
  });

  it("changes no account on a usage error", async () => {
    const before = await db.user.findUniqueOrThrow({ where: { email } });
    expect((await run("disable-user", email, email)).code).toBe(2);
    expect((await run("disable-user", "--now", email)).code).toBe(2);
    expect(await db.user.findUniqueOrThrow({ where: { email } })).toEqual(before);
  });
});

describe("parsing the outbox arguments", () => {
  it.each<[string[], { to?: string; limit: number }]>([
    [[], { limit: 10 }],
    [["mary@example.org"], { to: "mary@example.org", limit: 10 }],
    [["--limit", "3", "mary@example.org"], { to: "mary@example.org", limit: 3 }],
    [["mary@example.org", "--limit=200"], { to: "mary@example.org", limit: 200 }],
    [["--limit", "1"], { limit: 1 }],
  ])("reads %j", (args, parsed) => {
    expect(parseOutboxArgs(args)).toEqual(parsed);
  });
});

/**
 * The operator commands behind `npm run operator -- …` (scripts/operator.ts), taking the
 * arguments and where to print, so tests can run them:
 *
 * - `disable-user <email>` / `enable-user <email>`: disabling ends every session and connection
 *   of the account at once; enabling lets the person sign in again but brings none of them back.
 * - `outbox [email] [--limit N]`: the latest invitation and password-reset messages (newest
 *   last), only those addressed to `email` when it is given. Hourbook has no mail server; these
 *   carry live links, so they are shown only here, to whoever runs the server, never in the app
 *   or the APIs.
 *
 * Exit codes: 0 done; 1 refused (unknown or already disabled account) or no message found;
 * 2 usage error, printed as what is wrong followed by the usage line: an unknown command or
 * option, a missing, second or malformed email, a --limit that is not a whole number from 1 to 200.
 */
import { parseArgs } from "node:util";
import { isDomainError } from "@/lib/domain/errors";
import { listAccountMessages } from "@/lib/domain/outbox/list-account-messages";
import { Email } from "@/lib/domain/schemas";
import { disableUser } from "@/lib/domain/users/disable-user";
import { enableUser } from "@/lib/domain/users/enable-user";

export const USAGE = "Usage: npm run operator -- disable-user <email> | enable-user <email> | outbox [email] [--limit N]";
export const OUTBOX_LIMIT = { default: 10, min: 1, max: 200 } as const;

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** Arguments the command cannot run with; the message says what is wrong with them. */
export class UsageError extends Error {}

/** One email argument, or a UsageError naming what is wrong with them. */
function oneEmail(emails: string[], optional: boolean): string | undefined {
  if (emails.length > 1) throw new UsageError(`Give one email, not ${emails.length}: ${emails.join(", ")}.`);
  const email = emails[0]?.trim();
  if (!email) {
    if (optional) return undefined;
    throw new UsageError("Give the account's email.");
  }
  if (!Email.safeParse(email).success) throw new UsageError(`"${email}" is not an email address.`);
  return email;
}

const LIMIT_RULE = `--limit takes a whole number from ${OUTBOX_LIMIT.min} to ${OUTBOX_LIMIT.max}`;

/**
 * `outbox [email] [--limit N]` parsed.
 * @throws UsageError for an unknown option, a --limit without a whole number from 1 to 200 (or
 *   given twice), a second email, or an email that is not one
 */
export function parseOutboxArgs(args: string[]): { to?: string; limit: number } {
  // Not strict: the tokens let each mistake be named rather than answered with parseArgs' words.
  const { tokens } = parseArgs({ args, options: { limit: { type: "string" } }, allowPositionals: true, strict: false, tokens: true });
  const emails: string[] = [];
  let limit: number | undefined;
  for (const token of tokens) {
    if (token.kind === "positional") emails.push(token.value);
    if (token.kind !== "option") continue;
    if (token.name !== "limit") throw new UsageError(`Unknown option ${token.rawName}: outbox takes only an email and --limit N.`);
    if (limit !== undefined) throw new UsageError("Give --limit once.");
    if (token.value === undefined) throw new UsageError(`${LIMIT_RULE}; none was given.`);
    limit = /^\d+$/.test(token.value) ? Number(token.value) : NaN;
    if (!(limit >= OUTBOX_LIMIT.min && limit <= OUTBOX_LIMIT.max)) throw new UsageError(`${LIMIT_RULE}, not "${token.value}".`);
  }
  const to = oneEmail(emails, true);
  return { ...(to ? { to } : {}), limit: limit ?? OUTBOX_LIMIT.default };
}

/** `disable-user <email>` / `enable-user <email>`: the one email. @throws UsageError */
export function parseAccountArgs(command: string, args: string[]): string {
  const option = args.find((a) => a.startsWith("-"));
  if (option) throw new UsageError(`Unknown option ${option}: ${command} takes only an email.`);
  return oneEmail(args, false)!;
}

async function printOutbox(args: string[], out: Output): Promise<number> {
  const parsed = parseOutboxArgs(args);
  const messages = await listAccountMessages(parsed);
  if (messages.length === 0) {
    out.error(parsed.to ? `No messages for ${parsed.to}.` : "No invitation or password-reset messages.");
    return 1;
  }
  for (const m of messages.reverse()) {
    out.log(`── ${m.createdAt.toISOString()} · ${m.kind} · to ${m.to}\nSubject: ${m.subject}\n\n${m.body}\n`);
  }
  return 0;
}

async function changeAccount(command: "disable-user" | "enable-user", args: string[], out: Output): Promise<number> {
  const email = parseAccountArgs(command, args);
  try {
    if (command === "disable-user") {
      const { grantsRevoked } = await disableUser({ email }, "operator");
      out.log(`Disabled ${email}: signed out everywhere, ${grantsRevoked} connection${grantsRevoked === 1 ? "" : "s"} revoked.`);
    } else {
      await enableUser({ email });
      out.log(`Enabled ${email}. Sessions and connections ended when the account was disabled stay ended.`);
    }
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    out.error(error.message);
    return 1;
  }
}

/** Runs one operator command; answers the exit code (a usage error prints what is wrong, then the usage). */
export async function runOperator(args: string[], out: Output = console): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command === "outbox") return await printOutbox(rest, out);
    if (command === "disable-user" || command === "enable-user") return await changeAccount(command, rest, out);
    throw new UsageError(command === undefined ? "Give a command." : `Unknown command "${command}".`);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    out.error(error.message);
    out.error(USAGE);
    return 2;
  }
}

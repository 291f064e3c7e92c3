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
 * 2 usage error (unknown command or option, a second email, a --limit that is not a positive integer).
 */
import { parseArgs } from "node:util";
import { isDomainError } from "@/lib/domain/errors";
import { listAccountMessages } from "@/lib/domain/outbox/list-account-messages";
import { disableUser } from "@/lib/domain/users/disable-user";
import { enableUser } from "@/lib/domain/users/enable-user";

export const USAGE = "Usage: npm run operator -- disable-user <email> | enable-user <email> | outbox [email] [--limit N]";

export interface Output {
  log(line: string): void;
  error(line: string): void;
}

/** `outbox [email] [--limit N]` parsed, or null for a usage error. */
export function parseOutboxArgs(args: string[]): { to?: string; limit: number } | null {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { limit: { type: "string" } }, allowPositionals: true, strict: true });
  } catch {
    return null;
  }
  const { positionals, values } = parsed;
  const limit = values.limit === undefined ? 10 : Number(values.limit);
  if (positionals.length > 1 || !Number.isInteger(limit) || limit < 1 || limit > 200) return null;
  const to = positionals[0]?.trim();
  return to ? { to, limit } : { limit };
}

async function printOutbox(args: string[], out: Output): Promise<number> {
  const parsed = parseOutboxArgs(args);
  if (!parsed) {
    out.error(USAGE);
    return 2;
  }
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

/** Runs one operator command; answers the exit code. */
export async function runOperator(args: string[], out: Output = console): Promise<number> {
  const [command, ...rest] = args;
  if (command === "outbox") return printOutbox(rest, out);
  const email = rest.length === 1 && !rest[0]!.startsWith("-") ? rest[0] : undefined;
  if (!email || (command !== "disable-user" && command !== "enable-user")) {
    out.error(USAGE);
    return 2;
  }
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

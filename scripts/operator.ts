/**
 * Demo operator tools: `npm run operator -- disable-user <email>` and `enable-user <email>`.
 * Disabling ends every connection of the account at once; enabling lets the person sign in
 * again but brings none of those connections back.
 *
 * `npm run operator -- outbox [email] [--limit N]` prints the latest invitation and
 * password-reset messages (Hourbook has no mail server; these carry live links, so they are
 * shown only here, to whoever runs the server, never in the app or the APIs).
 */
import { isDomainError } from "@/lib/domain/errors";
import { listAccountMessages } from "@/lib/domain/outbox/list-account-messages";
import { disableUser } from "@/lib/domain/users/disable-user";
import { enableUser } from "@/lib/domain/users/enable-user";

const USAGE = "Usage: npm run operator -- disable-user <email> | enable-user <email> | outbox [email] [--limit N]";

async function printOutbox(args: string[]): Promise<number> {
  const limitAt = args.indexOf("--limit");
  const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 10;
  const to = args.find((a, i) => !a.startsWith("--") && i !== limitAt + 1);
  if (!Number.isInteger(limit) || limit < 1) {
    console.error(USAGE);
    return 2;
  }
  const messages = await listAccountMessages({ limit, to });
  if (messages.length === 0) console.log(to ? `No invitation or password-reset messages to ${to}.` : "No invitation or password-reset messages.");
  for (const m of messages.reverse()) {
    console.log(`── ${m.createdAt.toISOString()} · ${m.kind} · to ${m.to}\nSubject: ${m.subject}\n\n${m.body}\n`);
  }
  return 0;
}

async function main(args: string[]): Promise<number> {
  const [command, email] = args;
  if (command === "outbox") return printOutbox(args.slice(1));
  if (!email || (command !== "disable-user" && command !== "enable-user")) {
    console.error(USAGE);
    return 2;
  }
  try {
    if (command === "disable-user") {
      const { grantsRevoked } = await disableUser({ email }, "operator");
      console.log(`Disabled ${email}: signed out everywhere, ${grantsRevoked} connection${grantsRevoked === 1 ? "" : "s"} revoked.`);
    } else {
      await enableUser({ email });
      console.log(`Enabled ${email}. Connections revoked when the account was disabled stay revoked.`);
    }
    return 0;
  } catch (error) {
    if (!isDomainError(error)) throw error;
    console.error(error.message);
    return 1;
  }
}

process.exitCode = await main(process.argv.slice(2));

/**
 * Demo operator tools: `npm run operator -- disable-user <email>` and `enable-user <email>`.
 * Disabling ends every connection of the account at once; enabling lets the person sign in
 * again but brings none of those connections back.
 */
import { isDomainError } from "@/lib/domain/errors";
import { disableUser } from "@/lib/domain/users/disable-user";
import { enableUser } from "@/lib/domain/users/enable-user";

const USAGE = "Usage: npm run operator -- disable-user <email> | enable-user <email>";

async function main(args: string[]): Promise<number> {
  const [command, email] = args;
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

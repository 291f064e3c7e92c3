/**
 * Start-up checks for instances that share a database. Every instance must have the same
 * NEXTAUTH_SECRET (it signs the web sessions, which any instance may be asked to read) and
 * HOURBOOK_ENCRYPTION_SECRET (it encrypts the signing keys and stored answers in the database).
 * Without them in the environment each instance generates its own in its data folder, which is
 * right for one instance and wrong for several.
 */
import { engineOf } from "@/lib/database-engine.mjs";
import { env, secretSource } from "@/lib/env";
import { assertSigningKeyReadable } from "./signing-keys";

const SHARED_SECRETS = ["NEXTAUTH_SECRET", "HOURBOOK_ENCRYPTION_SECRET"] as const;

/**
 * Warns when a server database is used with generated secrets (another instance on it would
 * generate different ones), and refuses to start when this instance cannot open the signing
 * key in the database, i.e. its HOURBOOK_ENCRYPTION_SECRET is not the one the others use.
 * @throws EncryptionSecretMismatch naming the setting to share
 */
export async function checkSharedSecrets(warn: (message: string) => void = console.warn): Promise<void> {
  const generated = SHARED_SECRETS.filter((name) => !env[name]);
  if (engineOf(env.DATABASE_URL) === "postgresql" && generated.length > 0) {
    warn(
      `${generated.join(" and ")} ${generated.length > 1 ? "are" : "is"} not set: this instance uses ${generated.map(secretSource).join("; and ")}. ` +
        "Fine for one instance; several instances on this database must all be given the same NEXTAUTH_SECRET and HOURBOOK_ENCRYPTION_SECRET " +
        'in their environment (README, "Running several instances").',
    );
  }
  await assertSigningKeyReadable();
}

/**
 * checkSharedSecrets at start-up (instrumentation.ts): a mismatch ends the process. Thrown from
 * Next's instrumentation hook, it would be logged and the server would serve on, answering every
 * request with 500; a failed start, with the reason, is what an operator or orchestrator can act on.
 */
export async function checkSharedSecretsOrExit(): Promise<void> {
  try {
    await checkSharedSecrets();
  } catch (error) {
    console.error(`Hourbook cannot start: ${(error as Error).message}`);
    process.exit(1);
  }
}

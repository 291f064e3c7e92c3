/**
 * Demo operator tools: `npm run operator -- disable-user <email>`, `enable-user <email>` and
 * `outbox [email] [--limit N]` (see scripts/operator-cli.ts for what each does and the exit codes).
 */
import { runOperator } from "./operator-cli";

process.exitCode = await runOperator(process.argv.slice(2));

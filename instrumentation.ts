/**
 * Next calls `register` once when a server process starts (`npm start`, `next dev`; never
 * during `next build`). It checks that this instance shares the secrets of the others on its
 * database — refusing to start when it cannot open their signing key — and starts the
 * background sweep that keeps the bookkeeping tables bounded.
 */
export async function register(): Promise<void> {
  // NEXT_RUNTIME is set by Next per bundle, not by the environment: the check keeps the
  // database code out of the edge bundle of this file.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { checkSharedSecretsOrExit } = await import("@/lib/oauth/check-shared-secrets");
  await checkSharedSecretsOrExit();
  const { startBookkeepingSweeps } = await import("@/lib/integrations/bookkeeping-sweeps");
  startBookkeepingSweeps();
}

// Mutation testing (StrykerJS 9 with the Vitest runner; 10 needs Node 22): does a test fail when
// the security and money code is subtly wrong? `npm run mutate` runs it on the modules below;
// `npm run mutate -- lib/oauth/pkce.ts` on one (scripts/mutate.mjs). Target: ≥ 90 % of covered mutants
// killed (README → Mutation testing has the last measured scores).
//
// Mutants Stryker cannot tell apart from the original (equivalent mutants) are marked in the
// code with `// Stryker disable next-line <mutator>: <why>` so each exemption is explained where
// it applies.

/** Killed share of covered mutants each module must reach. */
export const MIN_SCORE = 90;

/**
 * Each security and money module, with the test files that are about it. A mutant counts as
 * killed only when one of these fails.
 */
export const MUTATION_TARGETS = [
  { kind: "security", module: "lib/oauth/access-token.ts", tests: ["lib/oauth/access-token.test.ts", "lib/oauth/signing-keys.test.ts"] },
  { kind: "security", module: "lib/oauth/verify-access-token.ts", tests: ["lib/oauth/verify-access-token.test.ts"] },
  { kind: "security", module: "lib/oauth/pkce.ts", tests: ["lib/oauth/pkce.test.ts"] },
  { kind: "security", module: "lib/oauth/redirect-uri.ts", tests: ["lib/oauth/redirect-uri.test.ts"] },
  { kind: "security", module: "lib/oauth/scopes.ts", tests: ["lib/oauth/scopes.test.ts"] },
  { kind: "security", module: "lib/domain/integrations/scopes.ts", tests: ["lib/oauth/scopes.test.ts"] },
  { kind: "security", module: "lib/oauth/token/exchange-authorization-code.ts", tests: ["lib/oauth/token/exchange-authorization-code.test.ts", "lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/oauth/token/exchange-refresh-token.ts", tests: ["lib/oauth/token/exchange-refresh-token.test.ts", "lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/oauth/clients/authenticate-client.ts", tests: ["lib/oauth/clients/authenticate-client.test.ts"] },
  { kind: "security", module: "lib/oauth/clients/public-address.ts", tests: ["lib/oauth/clients/client-metadata-document-ssrf.test.ts"] },
  { kind: "security", module: "lib/oauth/rate-limit.ts", tests: ["lib/oauth/rate-limit-counting.test.ts"] },
  { kind: "security", module: "lib/oauth/batched-rate-limit.ts", tests: ["lib/oauth/batched-rate-limit.test.ts"] },
  { kind: "security", module: "lib/oauth/find-request-grant.ts", tests: ["lib/oauth/verify-access-token.test.ts", "lib/oauth/protected-resource/resolve-connection.test.ts"] },
  { kind: "security", module: "lib/oauth/grants.ts", tests: ["lib/oauth/grants.test.ts"] },
  { kind: "security", module: "lib/domain/connections/end-grant.ts", tests: ["lib/oauth/grants.test.ts"] },
  { kind: "security", module: "lib/domain/connections/revoke-grant.ts", tests: ["lib/oauth/grants.test.ts"] },
  { kind: "security", module: "lib/domain/connections/end-idle-grants.ts", tests: ["lib/oauth/grants.test.ts"] },
  { kind: "security", module: "lib/domain/connections/connection-idleness.ts", tests: ["lib/oauth/grants.test.ts"] },
  { kind: "security", module: "lib/oauth/protected-resource/resolve-connection.ts", tests: ["lib/oauth/protected-resource/resolve-connection.test.ts", "lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/oauth/protected-resource/bearer-challenge.ts", tests: ["lib/oauth/protected-resource/bearer-challenge.test.ts"] },
  { kind: "security", module: "lib/oauth/protected-resource/with-bearer-auth.ts", tests: ["lib/oauth/protected-resource/with-bearer-auth.test.ts", "lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/oauth/dpop/validate-dpop-proof.ts", tests: ["lib/oauth/dpop/validate-dpop-proof.test.ts"] },
  { kind: "security", module: "lib/oauth/dpop/claim-dpop-proof.ts", tests: ["lib/oauth/dpop/claim-dpop-proof.test.ts"] },
  { kind: "security", module: "lib/oauth/dpop/check-resource-proof.ts", tests: ["lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/oauth/dpop/token-request-proof.ts", tests: ["lib/oauth/dpop/dpop-flow.test.ts"] },
  { kind: "security", module: "lib/operations/check-call.ts", tests: ["lib/operations/check-call.test.ts"] },
  { kind: "security", module: "lib/mcp/confirmation.ts", tests: ["lib/mcp/confirmation-token.test.ts"] },
  { kind: "security", module: "lib/integrations/idempotency.ts", tests: ["lib/integrations/idempotency.test.ts"] },
  { kind: "money", module: "lib/domain/money.ts", tests: ["lib/domain/money.test.ts"] },
  { kind: "money", module: "lib/domain/billing/billable-time.ts", tests: ["lib/domain/billing/billable-time.test.ts"] },
  { kind: "money", module: "lib/domain/billing/rule-precedence.ts", tests: ["lib/domain/billing/rule-precedence.test.ts"] },
  { kind: "money", module: "lib/domain/billing/invoice-lines.ts", tests: ["lib/domain/billing/invoice-lines.test.ts"] },
  { kind: "money", module: "lib/domain/billing/invoice-totals.ts", tests: ["lib/domain/billing/invoice-totals.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/plan-invoice.ts", tests: ["lib/domain/invoices/plan-invoice.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/record-invoice-payment.ts", tests: ["lib/domain/invoices/record-invoice-payment.test.ts", "lib/domain/invoices/invoice-corrections.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/void-invoice.ts", tests: ["lib/domain/invoices/void-invoice.test.ts", "lib/domain/invoices/invoice-corrections.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/invoice-settlement.ts", tests: ["lib/domain/invoices/invoice-settlement.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/create-credit-note.ts", tests: ["lib/domain/invoices/invoice-corrections.test.ts", "lib/mcp/invoice-corrections.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/remove-invoice-payment.ts", tests: ["lib/domain/invoices/invoice-corrections.test.ts", "lib/mcp/invoice-corrections.test.ts"] },
  { kind: "money", module: "lib/domain/invoices/update-invoice-draft.ts", tests: ["lib/domain/invoices/update-invoice-draft.test.ts"] },
  { kind: "money", module: "lib/domain/reports/allocate-proportionally.ts", tests: ["lib/domain/reports/report-figures.test.ts"] },
  { kind: "money", module: "lib/domain/reports/report-hours.ts", tests: ["lib/domain/reports/report-figures.test.ts"] },
  { kind: "security", module: "lib/domain/invitations/accept-invitation.ts", tests: ["lib/domain/invitations/invitations.test.ts"] },
  { kind: "security", module: "lib/domain/users/reset-password.ts", tests: ["lib/domain/users/password-reset.test.ts"] },
  { kind: "security", module: "lib/domain/time-entries/time-entry-scope.ts", tests: ["lib/domain/time-entries/time-entry-scope.test.ts"] },
  { kind: "security", module: "lib/domain/workspaces/check-filter-ids.ts", tests: ["lib/domain/time-entries/time-entry-scope.test.ts", "lib/domain/clients/catalog.test.ts"] },
];

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest-static",
  plugins: ["@stryker-mutator/*", "./scripts/stryker/vitest-static-runner.mjs"],
  vitest: { configFile: "vitest.config.ts", related: false },
  coverageAnalysis: "perTest",
  // Two cores: one Vitest worker per core.
  concurrency: 2,
  timeoutMS: 60_000,
  // Mutants in constants evaluated when a module loads (the PKCE patterns, lookup tables) run
  // every listed test file; cheap, since each module has only its own few.
  ignoreStatic: false,
  ignorePatterns: [".next", ".next-*", ".data", ".bench", "e2e", "test-results", "playwright-report", ".stryker"],
  reporters: ["progress", "json", "html"],
  jsonReporter: { fileName: ".stryker/mutation-report.json" },
  htmlReporter: { fileName: ".stryker/mutation-report.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};

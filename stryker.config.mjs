// Mutation testing (StrykerJS 9 with the Vitest runner; 10 needs Node 22): does a test fail when
// the security and money code is subtly wrong? `npm run mutate` runs it on the modules below;
// `npm run mutate -- --mutate lib/oauth/pkce.ts` on one. Target: ≥ 90 % of covered mutants
// killed (README → Mutation testing has the last measured scores).
//
// Mutants Stryker cannot tell apart from the original (equivalent mutants) are marked in the
// code with `// Stryker disable next-line <mutator>: <why>` so each exemption is explained where
// it applies.

/** The security modules: token checks, code and refresh exchange, redirect and PKCE rules, client authentication, SSRF guard, confirmations and idempotency. */
export const SECURITY_MODULES = [
  "lib/oauth/access-token.ts",
  "lib/oauth/verify-access-token.ts",
  "lib/oauth/pkce.ts",
  "lib/oauth/redirect-uri.ts",
  "lib/oauth/scopes.ts",
  "lib/oauth/token/exchange-authorization-code.ts",
  "lib/oauth/token/exchange-refresh-token.ts",
  "lib/oauth/clients/authenticate-client.ts",
  "lib/oauth/clients/public-address.ts",
  "lib/oauth/rate-limit.ts",
  "lib/oauth/grants.ts",
  "lib/integrations/resolve-connection.ts",
  "lib/http/bearer-challenge.ts",
  "lib/mcp/confirmation.ts",
  "lib/integrations/idempotency.ts",
];

/** The money modules: amounts, billable time, billing rules, invoice lines, payments. */
export const MONEY_MODULES = [
  "lib/domain/money.ts",
  "lib/domain/billing/billable-time.ts",
  "lib/domain/billing/rule-precedence.ts",
  "lib/domain/billing/invoice-lines.ts",
  "lib/domain/invoices/plan-invoice.ts",
  "lib/domain/invoices/record-invoice-payment.ts",
  "lib/domain/invoices/void-invoice.ts",
];

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
export default {
  testRunner: "vitest",
  vitest: { configFile: "vitest.config.ts", related: true },
  mutate: [...SECURITY_MODULES, ...MONEY_MODULES],
  coverageAnalysis: "perTest",
  // Two cores: one Vitest worker per core.
  concurrency: 2,
  timeoutMS: 60_000,
  // Constants evaluated when a module loads (lookup tables, schemas) would need every test to
  // run for each mutant; they are covered by the ordinary tests.
  ignoreStatic: true,
  reporters: ["clear-text", "progress", "json", "html"],
  jsonReporter: { fileName: ".stryker/mutation-report.json" },
  htmlReporter: { fileName: ".stryker/mutation-report.html" },
  tempDirName: ".stryker-tmp",
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};

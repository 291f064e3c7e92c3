import { defineConfig } from "@playwright/test";
import { ensureTestCertificate } from "./e2e/support/tls-certificate";
import { findChromium } from "./scripts/find-chromium.mjs";

const PORT = 3200;
const baseURL = `http://127.0.0.1:${PORT}`;
const DATA_DIR = ".data/e2e";

// The Client ID Metadata Document spec serves its document over https from 127.0.0.1 with a
// self-signed certificate, which the server must trust (NODE_EXTRA_CA_CERTS is read when Node
// starts) and may fetch from loopback. Made here, while the config loads: Playwright starts
// the webServer before any globalSetup runs.
const testCertificate = ensureTestCertificate();

// The server under test gets its own data folder, recreated for every run, so the specs always
// start from the demo data. APP_URL is the address the browser uses: sign-in redirects and
// cookies then stay on one origin (localhost and 127.0.0.1 are different origins to a browser).
const serverEnv = {
  HOURBOOK_DATA_DIR: DATA_DIR,
  DATABASE_URL: `file:./${DATA_DIR}/hourbook.db`,
  APP_URL: baseURL,
  NEXTAUTH_URL: baseURL,
  PORT: String(PORT),
  HOURBOOK_HOST: "127.0.0.1",
  NEXT_TELEMETRY_DISABLED: "1",
  HOURBOOK_ALLOW_LOOPBACK_METADATA: "1",
  NODE_EXTRA_CA_CERTS: testCertificate.certPath,
};

// `npm test` builds before running Playwright; the build here only covers a bare `npx playwright test`.
const serverCommand = [
  `rm -rf ${DATA_DIR}`,
  "node scripts/prepare-data.mjs",
  "{ test -f .next/BUILD_ID || node_modules/.bin/next build; }",
  "exec node scripts/serve.mjs",
].join(" && ");

export default defineConfig({
  testDir: "e2e",
  // Generous: the whole suite shares two cores with the PostgreSQL Vitest pass, and these
  // machines' speed varies from day to day (the same suite took 8.5 and 19.8 minutes); a test
  // that is slow, not stuck, should not fail for it.
  timeout: 60_000,
  fullyParallel: false,
  // Two cores: the server and one browser are all this machine runs well at once.
  workers: 1,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  use: {
    baseURL,
    browserName: "chromium",
    headless: true,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: findChromium(),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  webServer: {
    command: serverCommand,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "pipe",
    env: serverEnv,
  },
});

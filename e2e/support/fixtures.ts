/**
 * `test` for the OAuth specs: Ada signs in once per worker and every page starts with her
 * session (use `test.use({ signedIn: false })` for a signed-out start), and the client's
 * loopback redirect URI answers for as long as the worker runs.
 */
import { test as base, type BrowserContextOptions } from "@playwright/test";
import { ADA } from "./consent";
import { startLoopbackCallbackServer } from "./loopback-callback";

type StorageState = Exclude<BrowserContextOptions["storageState"], string | undefined>;

export const test = base.extend<{ signedIn: boolean }, { adaStorageState: StorageState; loopbackCallback: void }>({
  signedIn: [true, { option: true }],
  adaStorageState: [
    async ({ browser }, use, workerInfo) => {
      const baseURL = workerInfo.project.use.baseURL;
      if (!baseURL) throw new Error("The OAuth specs need use.baseURL.");
      const page = await browser.newPage({ baseURL });
      await page.goto("/login");
      await page.getByLabel("Email").fill(ADA.email);
      await page.getByLabel("Password").fill(ADA.password);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL(/\/w\//);
      const state = await page.context().storageState();
      await page.close();
      await use(state);
    },
    { scope: "worker" },
  ],
  storageState: async ({ signedIn, adaStorageState }, use) => {
    await use(signedIn ? adaStorageState : { cookies: [], origins: [] });
  },
  loopbackCallback: [
    async ({}, use) => {
      const server = await startLoopbackCallbackServer();
      await use();
      await server.close();
    },
    { scope: "worker", auto: true },
  ],
});

export { expect } from "@playwright/test";

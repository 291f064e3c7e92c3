/**
 * Issue 16's whole path in the browser: the owner of Analytical Engines (Grace) fills in the
 * business details, adds a client with its billing details, tracks time, drafts an invoice with
 * VAT, sends it and downloads the PDF. The PDF, read back as text, carries the seller and buyer
 * blocks, the work period, the line, the tax and the totals the page shows, to the cent.
 */
import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { signIn } from "./sign-in";

const WORKSPACE = "/w/analytical-engines";

test("an owner fills in business details, drafts, sends and downloads the invoice PDF with every field", async ({ page }) => {
  const stamp = Date.now();
  const client = `Difference Engine Trust ${stamp}`;
  const project = `Table of logarithms ${stamp}`;
  await signIn(page, "grace@example.com");

  await page.goto(`${WORKSPACE}/settings/general`);
  await page.getByLabel("Legal name").fill("Analytical Engines plc");
  await page.getByLabel("Address").fill("10 Downing Lane\nManchester M1 1AE");
  await page.getByLabel("Tax or VAT ID").fill("GB 222 3333 44");
  await page.getByLabel("Contact email").fill("accounts@engines.example");
  await page.getByLabel("Payment instructions").fill("IBAN GB00 ENGN 0000 0000 0000 01");
  await page.getByLabel("Invoice paper size").selectOption({ label: "A4" });
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByTestId("settings-message")).toContainText("Settings saved");

  await page.goto(`${WORKSPACE}/clients`);
  const addClient = page.getByRole("form", { name: "Add client" });
  await addClient.getByLabel("Name").fill(client);
  await addClient.getByLabel("Invoice email").fill("ledger@difference.example");
  await addClient.getByLabel("Billing address").fill("7 Marylebone Road\nLondon NW1 5LR");
  await addClient.getByLabel("Tax ID").fill("GB 555 6666 77");
  await addClient.getByRole("button", { name: "Add client" }).click();
  await expect(page.getByText(client).first()).toBeVisible();
  const addProject = page.getByRole("form", { name: "Add project" });
  await addProject.getByLabel("Client").selectOption({ label: client });
  await addProject.getByLabel("Project name").fill(project);
  await addProject.getByLabel(/Hourly rate/).fill("90");
  await addProject.getByRole("button", { name: "Add project" }).click();
  await expect(page.getByText(project).first()).toBeVisible();

  await page.goto(`${WORKSPACE}/time`);
  const addEntry = page.getByRole("form", { name: "Add time entry" });
  await addEntry.getByLabel("Duration").fill("1:30");
  await addEntry.getByLabel("Project").selectOption({ label: project });
  await addEntry.getByRole("button", { name: "Add entry" }).click();
  await expect(page.getByTestId("create-entry-message")).toContainText(`Added 1:30 on ${project}`);

  await page.goto(`${WORKSPACE}/invoices/new`);
  await page.getByLabel("Client").selectOption({ label: client });
  await page.getByLabel("Tax 1 name").fill("VAT");
  await page.getByLabel("Tax 1 rate (%)").fill("20");
  await page.getByRole("button", { name: "Preview" }).click();
  await page.getByRole("button", { name: /Create draft/ }).click();
  await expect(page).toHaveURL(/\/invoices\/(?!new)[^/?]+$/);

  await page.getByRole("button", { name: "Mark as sent" }).click();
  await expect(page.getByTestId("outbox-message").first()).toBeVisible();
  const article = page.getByRole("article", { name: /^Invoice / });
  const label = ((await article.getAttribute("aria-label")) ?? "").replace("Invoice ", "");
  // The page shows the frozen parties, as the PDF prints them.
  await expect(page.getByTestId("invoice-seller")).toContainText("Analytical Engines plc");
  await expect(page.getByTestId("invoice-seller")).toContainText("VAT/Tax ID GB 222 3333 44");
  await expect(page.getByTestId("invoice-buyer")).toContainText("7 Marylebone Road");
  await expect(page.getByTestId("payment-instructions")).toContainText("IBAN GB00 ENGN 0000 0000 0000 01");
  const total = (await page.getByTestId("invoice-total").textContent())!.trim();
  const due = (await page.getByTestId("balance-due").textContent())!.trim();
  const vat = (await page.getByTestId("invoice-total-tax-1").textContent())!.trim();
  const period = (await article.locator("dt", { hasText: "Period" }).locator("xpath=following-sibling::dd[1]").textContent())!.trim();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
  expect(download.suggestedFilename()).toBe(`${label}.pdf`);
  const bytes = await readFile(await download.path());
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  expect((await pdf.getPage(1)).view.map(Math.round)).toEqual([0, 0, 595, 842]);
  const { text } = await extractText(pdf, { mergePages: true });
  for (const expected of [
    label,
    "Analytical Engines plc",
    "10 Downing Lane",
    "Manchester M1 1AE",
    "GB 222 3333 44",
    "accounts@engines.example",
    client,
    "7 Marylebone Road",
    "London NW1 5LR",
    "GB 555 6666 77",
    "ledger@difference.example",
    project,
    "IBAN GB00 ENGN 0000 0000 0000 01",
    vat,
    period,
    `Total ${total}`,
    `Balance due ${due}`,
  ]) {
    expect(text, expected).toContain(expected);
  }
});

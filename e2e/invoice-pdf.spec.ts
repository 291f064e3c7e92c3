import { readFile } from "node:fs/promises";
import { expect, test, type Download } from "@playwright/test";
import { extractText, getDocumentProxy } from "unpdf";
import { signIn } from "./sign-in";

async function pdfText(download: Download): Promise<string> {
  const bytes = await readFile(await download.path());
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  return (await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text;
}

test.describe("the invoice PDF", () => {
  test("Ada reminds Babbage & Co of an overdue invoice from the Billing Hub, downloads its PDF and the reminder's, and prints the page", async ({ page }) => {
    await signIn(page, "ada@example.com");
    await page.goto("/w/lovelace-studio/billing-hub");
    const overdue = page.getByRole("table", { name: "Overdue invoices" });
    const label = (await overdue.getByRole("link").first().textContent())!.trim();
    await expect(page.getByTestId(`last-reminder-${label}`)).toHaveText("None yet");
    await overdue.getByRole("button", { name: "Send reminder" }).first().click();
    await expect(page.getByTestId(`remind-${label}`)).toContainText(`Reminder for ${label}`);
    await expect(page.getByTestId(`last-reminder-${label}`)).not.toHaveText("None yet");

    await overdue.getByRole("link", { name: label }).click();
    await expect(page.getByTestId("last-reminder")).toContainText("Last reminder sent");
    const total = (await page.getByTestId("invoice-total").textContent())!.trim();
    const due = (await page.getByTestId("balance-due").textContent())!.trim();

    // The PDF from the real server: the same label and totals as the page, to the cent.
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-pdf").click()]);
    expect(download.suggestedFilename()).toBe(`${label}.pdf`);
    const text = await pdfText(download);
    expect(text).toContain(label);
    expect(text).toContain(`Total ${total}`);
    expect(text).toContain(`Balance due ${due}`);
    expect(text).toContain("Babbage & Co");
    expect(text).toContain("1 Dorset Street");

    // The reminder's PDF, as the outbox stored it.
    const reminder = page.getByTestId("outbox-message").filter({ hasText: "Reminder" }).last();
    const [stored] = await Promise.all([page.waitForEvent("download"), reminder.getByTestId("outbox-attachment").click()]);
    expect(stored.suggestedFilename()).toBe(`${label}.pdf`);
    expect(await pdfText(stored)).toContain(`Balance due ${due}`);

    // Printing shows the invoice only.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("article", { name: `Invoice ${label}` })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeHidden();
    await expect(page.getByRole("link", { name: "All invoices" })).toBeHidden();
    await expect(page.getByTestId("download-pdf")).toBeHidden();
    await expect(page.getByRole("button", { name: "Record payment" })).toBeHidden();
    await expect(page.getByRole("button", { name: "Send reminder" })).toBeHidden();
    await expect(page.getByTestId("outbox-message").first()).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await expect(page.getByRole("navigation", { name: "Workspace" })).toBeVisible();
  });

  test("the download refuses a bad paper size (400), serves Letter on request, and is not found under another of Ada's workspaces", async ({ page }) => {
    await signIn(page, "ada@example.com");
    await page.goto("/w/lovelace-studio/invoices");
    const href = (await page.getByRole("link", { name: /^INV-\d{4}$/ }).first().getAttribute("href"))!;
    const bad = await page.request.get(`${href}/pdf?size=a3`);
    expect(bad.status()).toBe(400);
    expect(await bad.text()).toBe("size: must be a4 or letter");
    const typo = await page.request.get(`${href}/pdf?sise=letter`);
    expect([typo.status(), await typo.text()]).toEqual([400, "sise: is not a parameter of this export (it takes size)"]);
    const letter = await page.request.get(`${href}/pdf?size=letter`);
    expect(letter.status()).toBe(200);
    expect(letter.headers()["content-type"]).toBe("application/pdf");
    const pdf = await getDocumentProxy(new Uint8Array(await letter.body()));
    expect((await pdf.getPage(1)).view).toEqual([0, 0, 612, 792]);
    // Ada is an admin of Analytical Engines too: the Lovelace invoice is not there.
    const elsewhere = await page.request.get(`${href.replace("/w/lovelace-studio/", "/w/analytical-engines/")}/pdf`);
    expect(elsewhere.status()).toBe(404);
  });

  test("the download refuses Grace, a member, with 403, and sends a visitor who is not signed in to sign in", async ({ page, browser }) => {
    await signIn(page, "ada@example.com");
    await page.goto("/w/lovelace-studio/invoices");
    const href = (await page.getByRole("link", { name: /^INV-\d{4}$/ }).first().getAttribute("href"))!;
    const visitor = await browser.newContext();
    const anonymous = await visitor.request.get(`${href}/pdf`, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(303);
    expect(anonymous.headers().location).toContain(`/login?callbackUrl=${encodeURIComponent(`${href}/pdf`)}`);
    const gracePage = await visitor.newPage();
    await signIn(gracePage, "grace@example.com");
    const refused = await gracePage.request.get(`${href}/pdf`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).toContain("cannot view invoices");
    await visitor.close();
  });
});

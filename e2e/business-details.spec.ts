/**
 * Business details on Settings › General: the owner of Analytical Engines (Grace) fills them in
 * and uploads a logo; after a reload they are still there. Ada, an admin there, sees the same
 * read-only. A logo that is not an image is refused on its field and nothing changes.
 */
import zlib from "node:zlib";
import { expect, test } from "@playwright/test";
import { signIn } from "./sign-in";

const GENERAL = "/w/analytical-engines/settings/general";

/** A valid 1×1 PNG, built here so the test needs no fixture file. */
function tinyPng(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buf) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
    const out = Buffer.alloc(body.length + 8);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc(body), body.length + 4);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.from([0, 0x33, 0x66, 0x99]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

test("the owner fills in the business details and uploads a logo; an admin sees them read-only", async ({ browser, baseURL }) => {
  const grace = await (await browser.newContext({ baseURL })).newPage();
  await signIn(grace, "grace@example.com");
  await grace.goto(GENERAL);
  await grace.getByLabel("Legal name").fill("Analytical Engines plc");
  await grace.getByLabel("Address").fill("10 Downing Lane\nManchester M1 1AE");
  await grace.getByLabel("Tax or VAT ID").fill("GB 222 3333 44");
  await grace.getByLabel("Contact email").fill("not an email");
  await grace.getByRole("button", { name: "Save settings" }).click();
  await expect(grace.locator("#settings-contact-email-error")).toHaveText("Contact email must be an email address, or empty.");

  await grace.getByLabel("Contact email").fill("accounts@engines.example");
  await grace.getByLabel("Payment instructions").fill("IBAN GB00 ENGN 0000 0000 0000 01");
  await grace.getByLabel("Invoice paper size").selectOption({ label: "US Letter" });
  await grace.getByRole("button", { name: "Save settings" }).click();
  await expect(grace.getByTestId("settings-message")).toContainText("Settings saved");

  await grace.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: Buffer.from("GIF89a pretending to be a PNG") });
  await grace.getByRole("button", { name: "Upload logo" }).click();
  await expect(grace.getByText("The logo must be a PNG or JPEG image.").first()).toBeVisible();
  await expect(grace.getByTestId("logo-none")).toBeVisible();

  await grace.getByLabel("Logo image").setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: tinyPng() });
  await grace.getByRole("button", { name: "Upload logo" }).click();
  await expect(grace.getByTestId("logo-message")).toContainText("Logo uploaded");

  await grace.reload();
  await expect(grace.getByLabel("Legal name")).toHaveValue("Analytical Engines plc");
  await expect(grace.getByLabel("Address")).toHaveValue("10 Downing Lane\nManchester M1 1AE");
  await expect(grace.getByLabel("Tax or VAT ID")).toHaveValue("GB 222 3333 44");
  await expect(grace.getByLabel("Contact email")).toHaveValue("accounts@engines.example");
  await expect(grace.getByLabel("Invoice paper size")).toHaveValue("letter");
  const logo = grace.getByTestId("logo-preview");
  await expect(logo).toBeVisible();
  expect(await logo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
  const logoUrl = String(await logo.getAttribute("src"));
  const served = await grace.request.get(logoUrl);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");

  const ada = await (await browser.newContext({ baseURL })).newPage();
  await signIn(ada, "ada@example.com");
  await ada.goto(GENERAL);
  await expect(ada.getByText("Only an owner can change these settings and business details.")).toBeVisible();
  const readOnly = ada.getByTestId("settings-read-only");
  await expect(readOnly).toContainText("Analytical Engines plc");
  await expect(readOnly).toContainText("Manchester M1 1AE");
  await expect(readOnly).toContainText("GB 222 3333 44");
  await expect(readOnly).toContainText("IBAN GB00 ENGN");
  await expect(readOnly.getByTestId("logo-preview")).toBeVisible();
  await expect(ada.getByRole("textbox")).toHaveCount(0);
  await expect(ada.getByRole("button", { name: "Save settings" })).toHaveCount(0);
  await expect(ada.getByRole("button", { name: "Upload logo" })).toHaveCount(0);

  // Ada is no member of Grace's other workspace's logos: the same logo id under a workspace she
  // belongs to is a 404, as is any logo id she guesses.
  expect((await ada.request.get(logoUrl.replace("analytical-engines", "lovelace-studio"))).status()).toBe(404);
  expect((await ada.request.get(logoUrl.replace(/[^/]+$/, "no-such-logo"))).status()).toBe(404);
  // Signed out: no image at all.
  const stranger = await browser.newContext({ baseURL });
  expect((await stranger.request.get(logoUrl)).status()).toBe(401);
  await stranger.close();
});

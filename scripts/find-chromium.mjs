#!/usr/bin/env node
// Finds a Chromium for Playwright, installing one when there is none, and prints its path.
//
// Order: CHROMIUM_PATH → Playwright's own download (`npx playwright install chromium`) →
// the system package (/usr/bin/chromium, /usr/bin/chromium-browser) → install one: the
// distribution's package when running as root (Playwright's download site may be unreachable
// while the Debian mirror is not), otherwise Playwright's download.
//
// Synchronous on purpose: playwright.config.ts calls it while the config module loads.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

const SYSTEM_PATHS = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
const require = createRequire(import.meta.url);

function isExecutable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Where Playwright keeps the Chromium it downloads; it reports the path even before the download. */
function playwrightChromium() {
  try {
    return require("playwright-core").chromium.executablePath();
  } catch {
    return null;
  }
}

function locate() {
  return [playwrightChromium(), ...SYSTEM_PATHS].find((file) => file && isExecutable(file)) ?? null;
}

function runQuietly(command, args, env = process.env) {
  console.error(`find-chromium: ${command} ${args.join(" ")}`);
  const result = spawnSync(command, args, { stdio: ["ignore", "inherit", "inherit"], env });
  return result.status === 0;
}

function provision() {
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    if (runQuietly("apt-get", ["update", "-qq"], env) && runQuietly("apt-get", ["install", "-y", "-qq", "chromium"], env)) {
      return locate();
    }
  }
  if (runQuietly("npx", ["--no-install", "playwright", "install", "chromium"])) return locate();
  return null;
}

/** The path of a Chromium executable for Playwright; installs one if needed, throws if it cannot. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (isExecutable(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which is not an executable file.`);
  }
  const found = locate() ?? provision();
  if (found) return found;
  throw new Error(
    [
      "No Chromium found for the end-to-end tests, and installing one failed.",
      "Install one of these, then run the tests again:",
      "  - as root on Debian/Ubuntu: apt-get update && apt-get install -y chromium",
      "  - with internet access:     npx playwright install chromium",
      "  - or point CHROMIUM_PATH at an existing Chromium or Chrome executable.",
    ].join("\n"),
  );
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  try {
    console.log(findChromium());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}

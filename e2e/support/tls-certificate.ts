/**
 * A self-signed certificate for 127.0.0.1, made once with openssl and kept under the
 * git-ignored data folder. The Client ID Metadata Document test serves its document over
 * https with it (the MCP SDK only accepts an https `clientMetadataUrl`), and the server under
 * test trusts it through NODE_EXTRA_CA_CERTS, which Node reads at start-up — so the files
 * must exist before the webServer starts. playwright.config.ts therefore calls
 * ensureTestCertificate() while loading: Playwright starts the webServer before any
 * globalSetup runs.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const REPO_ROOT = path.resolve(import.meta.dirname, "../..");
export const TLS_DIR = path.join(REPO_ROOT, ".data", "e2e-tls");

export interface TestCertificate {
  certPath: string;
  keyPath: string;
}

export function testCertificatePaths(): TestCertificate {
  return { certPath: path.join(TLS_DIR, "cert.pem"), keyPath: path.join(TLS_DIR, "key.pem") };
}

/** Creates the certificate unless a usable one is there; safe when two runs start at once. */
export function ensureTestCertificate(): TestCertificate {
  const paths = testCertificatePaths();
  if (fs.existsSync(paths.certPath) && fs.existsSync(paths.keyPath) && validForADay(paths.certPath)) return paths;

  // Made in a scratch folder and renamed into place, so no reader ever sees half a pair.
  fs.mkdirSync(path.dirname(TLS_DIR), { recursive: true });
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-e2e-tls-"));
  try {
    execFileSync(
      "openssl",
      [
        "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
        "-keyout", path.join(scratch, "key.pem"), "-out", path.join(scratch, "cert.pem"),
        "-days", "365", "-subj", "/CN=Hourbook e2e metadata document server",
        "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
      ],
      { stdio: "pipe" },
    );
    const staged = `${TLS_DIR}.${process.pid}.tmp`;
    fs.rmSync(staged, { recursive: true, force: true });
    fs.cpSync(scratch, staged, { recursive: true });
    fs.rmSync(TLS_DIR, { recursive: true, force: true });
    try {
      fs.renameSync(staged, TLS_DIR);
    } catch (error) {
      // Another run put its pair in place first: use that one.
      fs.rmSync(staged, { recursive: true, force: true });
      if (!fs.existsSync(paths.certPath)) throw error;
    }
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return paths;
}

function validForADay(certPath: string): boolean {
  try {
    execFileSync("openssl", ["x509", "-checkend", "86400", "-noout", "-in", certPath], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
}

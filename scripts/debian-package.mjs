// Installing a Debian package a test needs (PostgreSQL, nginx) when the machine lacks it: the
// project's own files must provision what its tests use. Only as root; otherwise the caller says
// what to install.
import { execFileSync } from "node:child_process";

/**
 * `apt-get update`, then `apt-get install -y <name>`, non-interactive, output shown.
 * @param {string} name the Debian package
 * @param {{ recommends?: boolean }} [options] recommends: false adds --no-install-recommends
 * @throws Error when not root (naming the package) or when apt-get fails
 */
export function installDebianPackage(name, { recommends = true } = {}) {
  if (process.getuid?.() !== 0) throw new Error(`Debian's \`${name}\` package is needed: install it (as root: apt-get install ${name}).`);
  console.log(`Installing Debian's ${name} package…`);
  execFileSync("apt-get", ["update", "-qq"], { stdio: "inherit" });
  execFileSync("apt-get", ["install", "-y", "-qq", ...(recommends ? [] : ["--no-install-recommends"]), name], {
    stdio: "inherit",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
}

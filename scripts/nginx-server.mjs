// A throwaway nginx in front of app instances, for the several-instances spec: the example
// site config (scripts/deploy/nginx.conf) with its placeholders filled in, inside a minimal
// nginx.conf whose pid file, logs and temp folders all live in a temp folder; listening on
// 127.0.0.1 only, in the foreground (`daemon off;`), stopped and removed by `stop()`.
// Uses the machine's nginx (NGINX_BIN, PATH or /usr/sbin) and, when there is none and we are
// root, installs Debian's `nginx` package first (as scripts/postgres-server.mjs does for PostgreSQL).
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { installDebianPackage } from "./debian-package.mjs";
import { fileURLToPath } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The example site config that README quotes and the spec runs. */
export const SITE_CONFIG = path.join(repoRoot, "scripts", "deploy", "nginx.conf");

function findNginx() {
  const candidates = [process.env.NGINX_BIN, ...(process.env.PATH ?? "").split(path.delimiter).map((dir) => dir && path.join(dir, "nginx")), "/usr/sbin/nginx"];
  return candidates.find((file) => file && fs.existsSync(file)) ?? null;
}

/** The nginx binary; installs Debian's package when missing (as root). */
export function nginxBinary() {
  let binary = findNginx();
  if (binary) return binary;
  if (process.getuid?.() !== 0) throw new Error("nginx was not found: install Debian's `nginx` package or set NGINX_BIN.");
  installDebianPackage("nginx", { recommends: false });
  binary = findNginx();
  if (!binary) throw new Error("Installing nginx did not provide the nginx binary.");
  return binary;
}

/**
 * The example site config with its placeholders filled in.
 * @param {{ listen: string, serverName: string, instances: string[] }} values instances: "host:port" each
 */
export function siteConfig({ listen, serverName, instances }) {
  const values = { INSTANCES: instances.map((address) => `server ${address};`).join("\n    "), LISTEN: listen, SERVER_NAME: serverName };
  // Placeholders in the directives only; the comments that explain them stay as they are.
  return fs
    .readFileSync(SITE_CONFIG, "utf8")
    .split("\n")
    .map((line) => (line.trimStart().startsWith("#") ? line : line.replace(/\{\{(\w+)\}\}/g, (_, name) => values[name])))
    .join("\n");
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

/**
 * Starts nginx on 127.0.0.1:`port`, balancing `instances` with the example config.
 * @param {{ port: number, instances: string[] }} options
 * @returns {Promise<{ url: string, dir: string, accessLog: () => string, stop: () => Promise<void> }>}
 *   accessLog: the lines so far, in the example's hourbook_upstream format (which instance answered).
 */
export async function startNginx({ port, instances }) {
  const binary = nginxBinary();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "hourbook-nginx-"));
  const site = path.join(dir, "hourbook.conf");
  fs.writeFileSync(site, siteConfig({ listen: `127.0.0.1:${port}`, serverName: "127.0.0.1", instances }));
  const temp = (name) => path.join(dir, "temp", name);
  for (const name of ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]) fs.mkdirSync(temp(name), { recursive: true });
  // As root, nginx's workers run as nobody: they must be able to write the temp folders.
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "nobody:", path.join(dir, "temp")]);
  const accessLog = path.join(dir, "access.log");
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    [
      "daemon off;",
      "worker_processes 1;",
      `pid ${path.join(dir, "nginx.pid")};`,
      `error_log ${path.join(dir, "error.log")} warn;`,
      "events { worker_connections 256; }",
      "http {",
      `  client_body_temp_path ${temp("client_body")};`,
      `  proxy_temp_path ${temp("proxy")};`,
      `  fastcgi_temp_path ${temp("fastcgi")};`,
      `  uwsgi_temp_path ${temp("uwsgi")};`,
      `  scgi_temp_path ${temp("scgi")};`,
      `  include ${site};`,
      // After the include: the format is the example's own.
      `  access_log ${accessLog} hourbook_upstream;`,
      "}",
      "",
    ].join("\n"),
  );
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", path.join(dir, "nginx.conf")];
  execFileSync(binary, [...args, "-t", "-q"], { stdio: "inherit" });
  const child = spawn(binary, args, { stdio: ["ignore", "inherit", "inherit"] });
  let exited = false;
  child.on("exit", () => (exited = true));
  const deadline = Date.now() + 10_000;
  while (!(await portAnswers(port))) {
    if (exited || Date.now() > deadline) {
      const log = fs.existsSync(path.join(dir, "error.log")) ? fs.readFileSync(path.join(dir, "error.log"), "utf8") : "";
      child.kill("SIGKILL");
      throw new Error(`nginx did not start on 127.0.0.1:${port}:\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // SIGQUIT: graceful shutdown of the master and its workers.
    if (!exited) {
      const gone = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGQUIT");
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (!exited) child.kill("SIGKILL");
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  process.once("exit", () => {
    if (!exited) child.kill("SIGKILL");
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    accessLog: () => (fs.existsSync(accessLog) ? fs.readFileSync(accessLog, "utf8") : ""),
    stop,
  };
}

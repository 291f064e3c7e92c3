#!/usr/bin/env node
// Serves the production build, as `next start` would, from Node's own HTTP server so that each
// request carries the address of the connection it came on: route handlers cannot see the socket,
// and rate limits must count per caller, not per server. The peer address goes in a header that
// this server sets on every request, overwriting whatever the client sent under that name.
//
// Env: PORT (default 3000), HOURBOOK_HOST (default: every interface), NEXT_DIST_DIR (via next.config.ts).
import http from "node:http";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The request header the app reads the peer address from (lib/http/caller-address.ts). */
export const PEER_ADDRESS_HEADER = "x-hourbook-peer-address";

/** `::ffff:127.0.0.2` (an IPv4 peer on a dual-stack socket) is 127.0.0.2. */
export function peerAddressOf(socket) {
  const address = socket.remoteAddress ?? "unknown";
  return address.startsWith("::ffff:") && address.includes(".") ? address.slice("::ffff:".length) : address;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (error) => {
      server.off("listening", onListening);
      if (error.code === "EADDRINUSE") {
        reject(new Error(`Port ${port}${host ? ` on ${host}` : ""} is already in use: stop whatever serves it, or set PORT.`));
      } else reject(error);
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(Number(port), host);
  });
}

/**
 * Resolves when `port` can be bound on `host`, and frees it again at once.
 * @throws Error saying the port is in use (EADDRINUSE)
 */
export async function assertPortFree(port, host) {
  const probe = http.createServer();
  await listen(probe, port, host);
  await new Promise((resolve) => probe.close(() => resolve()));
}

/**
 * Starts serving. Resolves with a `close()` once the port is bound; rejects (before anything
 * is served) when the port is taken or the build is missing.
 * @param {{ port?: string | number, host?: string }} [options]
 */
export async function serve({ port = process.env.PORT || "3000", host = process.env.HOURBOOK_HOST || undefined } = {}) {
  process.env.NODE_ENV = "production";
  // Tells lib/env.ts that the peer-address header is ours (set below), not a client's.
  process.env.HOURBOOK_PEER_ADDRESS_HEADER = PEER_ADDRESS_HEADER;
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: repoRoot, port: Number(port), hostname: host ?? "localhost" });
  const handle = app.getRequestHandler();
  let ready;
  const server = http.createServer((req, res) => {
    req.headers[PEER_ADDRESS_HEADER] = peerAddressOf(req.socket);
    ready.then(
      () => handle(req, res),
      () => {
        res.statusCode = 503;
        res.end();
      },
    );
  });
  // Bind first: a busy port is reported before the app spends time preparing. Requests that
  // arrive meanwhile wait for it.
  await listen(server, port, host);
  ready = app.prepare();
  try {
    await ready;
  } catch (error) {
    server.close();
    throw error;
  }
  return {
    server,
    async close() {
      await new Promise((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await flushWriteBehind();
      await app.close();
    },
  };
}

/**
 * Writes what the app keeps behind for a moment (rate-limit counts, connection activity:
 * lib/write-behind.ts, which registers its queues on globalThis) before the process ends, so
 * a stop loses none of it; gives up after `timeoutMs` (an unreachable database must not hold
 * the stop).
 */
export async function flushWriteBehind(timeoutMs = 3_000) {
  const registry = globalThis[Symbol.for("hourbook.writeBehind")];
  if (!registry) return;
  const flushes = Promise.all([...registry.queues.values()].map((queue) => queue.flush()));
  await Promise.race([flushes, new Promise((resolve) => setTimeout(resolve, timeoutMs).unref())]);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  process.chdir(repoRoot);
  serve().then(
    (running) => {
      const stop = () => running.close().finally(() => process.exit(0));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    },
    (error) => {
      console.error(`serve: ${error.message}`);
      process.exit(1);
    },
  );
}

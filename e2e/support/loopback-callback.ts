/**
 * The client's end of the redirect: a tiny HTTP server on the loopback redirect URI, as a
 * native MCP client runs one (RFC 8252 §7.3). It only answers with a page; the specs read the
 * code or error, state and iss from the browser's URL.
 */
import http from "node:http";
import { CALLBACK_PORT } from "./oauth";

export interface LoopbackCallbackServer {
  close(): Promise<void>;
}

export async function startLoopbackCallbackServer(): Promise<LoopbackCallbackServer> {
  const server = http.createServer((request, response) => {
    const isCallback = new URL(request.url ?? "/", "http://127.0.0.1").pathname === "/callback";
    response.writeHead(isCallback ? 200 : 404, { "Content-Type": "text/html; charset=utf-8", Connection: "close" });
    response.end(isCallback ? "<!doctype html><title>Client</title><p>Back in the app.</p>" : "");
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(error.code === "EADDRINUSE" ? new Error(`Port ${CALLBACK_PORT} is taken: is another end-to-end run going on?`) : error),
    );
    server.listen(CALLBACK_PORT, "127.0.0.1", resolve);
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

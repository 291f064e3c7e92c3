/**
 * HTTP requests from a chosen loopback source address, to act as different callers: the whole
 * 127.0.0.0/8 is local, so a socket bound to 127.0.0.2 reaches the server on 127.0.0.1 and the
 * server sees 127.0.0.2 as the peer.
 */
import http from "node:http";

export interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export function requestFrom(
  localAddress: string,
  url: string,
  { method = "GET", headers = {}, body }: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method, headers, localAddress, agent: false }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (text += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, headers: response.headers, text }));
    });
    request.on("error", reject);
    request.end(body);
  });
}

/** A caller at one loopback address, with the OAuth requests the specs make. */
export function caller(localAddress: string, appUrl: string, extraHeaders: Record<string, string> = {}) {
  return {
    form: (path: string, fields: Record<string, string>) =>
      requestFrom(localAddress, `${appUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...extraHeaders },
        body: new URLSearchParams(fields).toString(),
      }),
    json: (path: string, value: unknown) =>
      requestFrom(localAddress, `${appUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...extraHeaders },
        body: JSON.stringify(value),
      }),
    get: (path: string) => requestFrom(localAddress, `${appUrl}${path}`, { headers: extraHeaders }),
  };
}

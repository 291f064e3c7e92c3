/**
 * A small self-contained HTML page for errors that must be shown to the person rather than
 * redirected (an unknown client or redirect URI at /oauth/authorize, or a request Hourbook
 * cannot take right now).
 */
import type { ErrorPage } from "@/lib/oauth/authorize/answer-authorization-error";

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const MISCONFIGURED = "The application that sent you here is misconfigured; nothing was shared with it.";

export function htmlErrorPage(
  status: number,
  title: string,
  message: string,
  code: string,
  { explanation = MISCONFIGURED, retryAfterSeconds }: { explanation?: string; retryAfterSeconds?: number } = {},
): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Hourbook</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;background:#fff;border-radius:.75rem;box-shadow:0 1px 2px #0001;outline:1px solid #e2e8f0;padding:2rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .75rem}p{line-height:1.5;color:#334155}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:.25rem}</style></head>
<body><main><h1>${escapeHtml(title)}</h1><p data-testid="authorize-error">${escapeHtml(message)}</p>
<p>Error code: <code>${escapeHtml(code)}</code>. ${escapeHtml(explanation)}</p>
<p><a href="/">Back to Hourbook</a></p></main></body></html>`;
  return new Response(html, {
    status,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Cache-Control": "no-store",
      "X-Frame-Options": "DENY",
      "Content-Security-Policy": "frame-ancestors 'none'",
      ...(retryAfterSeconds ? { "Retry-After": String(retryAfterSeconds) } : {}),
    },
  });
}

/**
 * An authorization-flow error answered on our own page (see answerAuthorizationError): one
 * that passes (rate limit, storage) says to try again later; any other is titled `refusedTitle`.
 */
export function authorizationErrorPage(page: ErrorPage, refusedTitle: string): Response {
  if (page.retryAfterSeconds === undefined) return htmlErrorPage(page.status, refusedTitle, page.description, page.error);
  return htmlErrorPage(page.status, "Hourbook cannot take this request right now", page.description, page.error, {
    explanation: "Nothing was shared with the application. Try again in a little while.",
    retryAfterSeconds: page.retryAfterSeconds,
  });
}

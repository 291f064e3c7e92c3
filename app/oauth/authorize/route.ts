import { NextResponse } from "next/server";
import { resolveSession, signInRedirect } from "@/lib/auth/session";
import { authorizationErrorPage } from "@/lib/http/html-error-page";
import { callerAddress } from "@/lib/http/caller-address";
import { handleAuthorizeRequest } from "@/lib/oauth/authorize/handle-authorize-request";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const session = await resolveSession();
  const outcome = await handleAuthorizeRequest(url.searchParams, "user" in session ? session.user.id : null, callerAddress(request));
  switch (outcome.kind) {
    case "error_page":
      return authorizationErrorPage(outcome, "This sign-in link is not valid");
    case "redirect":
      return NextResponse.redirect(outcome.url, 303);
    case "sign_in":
      // Back to this very request after signing in (a relative path: never another site), told so when the session was ended.
      return signInRedirect(`/oauth/authorize${url.search}`, "refused" in session ? session.refused : "none");
    case "consent":
      return NextResponse.redirect(`${env.APP_URL}/oauth/consent?request=${encodeURIComponent(outcome.requestId)}`, 303);
  }
}

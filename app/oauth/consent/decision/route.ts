import { NextResponse } from "next/server";
import { getSignedInUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { authorizationErrorPage, htmlErrorPage } from "@/lib/http/html-error-page";
import { isSameOriginPost } from "@/lib/http/same-origin";
import { handleConsentDecision } from "@/lib/oauth/authorize/handle-consent-decision";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  if (!isSameOriginPost(request)) return htmlErrorPage(403, "Request refused", "This consent answer did not come from Hourbook's own page.", "csrf");
  const user = await getSignedInUser();
  if (!user) return NextResponse.redirect(`${env.APP_URL}/login`, 303);
  const outcome = await handleConsentDecision(await request.formData(), user.id);
  switch (outcome.kind) {
    case "redirect":
      return NextResponse.redirect(outcome.url, 303);
    case "retry":
      return NextResponse.redirect(
        `${env.APP_URL}/oauth/consent?request=${encodeURIComponent(outcome.requestId)}&error=${outcome.error}`,
        303,
      );
    case "error_page":
      return authorizationErrorPage(outcome, "Request refused");
  }
}

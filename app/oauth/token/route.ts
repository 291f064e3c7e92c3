import { preflight } from "@/lib/http/cors";
import { callerAddress } from "@/lib/http/caller-address";
import { oauthJson, withOAuthErrors } from "@/lib/http/oauth-response";
import { readOAuthForm } from "@/lib/http/read-form";
import { handleTokenRequest } from "@/lib/oauth/token/handle-token-request";

export const dynamic = "force-dynamic";

export const POST = withOAuthErrors(async (request: Request) => {
  const form = await readOAuthForm(request);
  return oauthJson(await handleTokenRequest(request, form, callerAddress(request)));
});

export const OPTIONS = preflight;

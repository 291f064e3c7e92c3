import { preflight } from "@/lib/http/cors";
import { clientAddress, oauthJson, withOAuthErrors } from "@/lib/http/oauth-response";
import { readOAuthForm } from "@/lib/http/read-form";
import { revokeToken } from "@/lib/oauth/revoke-token";

export const dynamic = "force-dynamic";

export const POST = withOAuthErrors(async (request: Request) => {
  await revokeToken(request, await readOAuthForm(request), clientAddress(request));
  return oauthJson({});
});

export const OPTIONS = preflight;

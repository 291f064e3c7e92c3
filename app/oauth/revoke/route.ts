import { preflight } from "@/lib/http/cors";
import { callerAddress } from "@/lib/http/caller-address";
import { oauthJson, withOAuthErrors } from "@/lib/http/oauth-response";
import { readOAuthForm } from "@/lib/http/read-form";
import { revokeToken } from "@/lib/oauth/revoke-token";

export const dynamic = "force-dynamic";

export const POST = withOAuthErrors(async (request: Request) => {
  await revokeToken(request, await readOAuthForm(request), callerAddress(request));
  return oauthJson({});
});

export const OPTIONS = preflight;

/**
 * next-auth configuration for people signing in to the web app (Credentials + JWT
 * sessions). OAuth clients never see these sessions: they get tokens from lib/oauth.
 */
import "server-only";
import type { NextAuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { persistentSecret } from "@/lib/env";
import { now } from "@/lib/domain/clock";
import { verifyCredentials } from "@/lib/domain/users/verify-credentials";

/** Error codes the sign-in form turns into messages. */
export const SIGN_IN_ERRORS = { disabled: "AccountDisabled" } as const;

// Sign-in applies no password rule but a bound, and any refusal is the same "wrong email or
// password": the rules are said where a password is chosen. Passwords chosen before the 72-byte
// limit (up to 200 characters) still sign in, as bcrypt compares their first 72 bytes; anything
// longer is refused before bcrypt runs, so it costs nothing.
const CredentialsInput = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

let options: NextAuthOptions | undefined;

/** Built on first use, so a build does not generate the secret. */
export function getAuthOptions(): NextAuthOptions {
  options ??= {
    secret: persistentSecret("NEXTAUTH_SECRET"),
    session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        async authorize(raw) {
          const input = CredentialsInput.safeParse(raw);
          if (!input.success) return null;
          const check = await verifyCredentials(input.data.email, input.data.password);
          if (check.ok) return check.user;
          // next-auth passes a thrown message through to the form as `error`.
          if (check.reason === "disabled") throw new Error(SIGN_IN_ERRORS.disabled);
          return null;
        },
      }),
    ],
    callbacks: { jwt: signInClaims, session: sessionFromToken },
  };
  return options;
}

/**
 * At sign-in (when next-auth passes `user`) the token gets the user's id and `signedInAt`
 * (ms since the epoch). Our own claim, because next-auth re-issues the JWT with a fresh
 * `iat` (seconds) whenever it extends the session, so `iat` is not the sign-in time.
 */
export function signInClaims({ token, user }: { token: JWT; user?: { id: string } | null }): JWT {
  if (user) Object.assign(token, { sub: user.id, signedInAt: now().getTime() });
  return token;
}

/** The session lib/auth/session.ts reads: the user's id and the sign-in time (null when the token has none). */
export function sessionFromToken({ session, token }: { session: Session; token: JWT }): Session & { signedInAt: number | null } {
  if (session.user && token.sub) Object.assign(session.user, { id: token.sub });
  return Object.assign(session, { signedInAt: typeof token.signedInAt === "number" ? token.signedInAt : null });
}

/**
 * Rate limits for the signed-out account forms (sign-up, "forgot password"), counted per
 * network address (and, for reset requests, per email address too, so nobody fills one
 * person's outbox), with the same shared counters as the OAuth endpoints. Sign-in itself is
 * next-auth's and is not counted here.
 */
import "server-only";
import { headers } from "next/headers";
import { consumeRateLimit, type Caller, type RateLimit } from "@/lib/oauth/rate-limit";
import { callerAddress } from "./caller-address";

export const ACCOUNT_RATE_LIMITS = {
  signUp: { name: "signup", limit: 10, windowSeconds: 60 * 60 },
  passwordResetByAddress: { name: "reset-address", limit: 10, windowSeconds: 15 * 60 },
  passwordResetByEmail: { name: "reset-email", limit: 3, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimit>;

/** The address of the request being served (a server action's). */
export async function requestAddress(): Promise<string> {
  return callerAddress(new Request("http://local.invalid/", { headers: await headers() }));
}

/** Counts one request against each limit; the message to show when any is exhausted, else null. */
export async function accountRateLimitRefusal(checks: Array<[RateLimit, Caller]>): Promise<string | null> {
  for (const [rule, caller] of checks) {
    const decision = await consumeRateLimit(rule, caller);
    if (!decision.allowed) return `Too many attempts. Try again in ${Math.ceil(decision.retryAfterSeconds / 60)} minute${decision.retryAfterSeconds > 60 ? "s" : ""}.`;
  }
  return null;
}

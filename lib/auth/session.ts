/**
 * Who is signed in to the web app, re-checked against the database on every request:
 * a session outlives neither a disabled account nor a lost membership.
 */
import "server-only";
import { getServerSession } from "next-auth";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getAuthOptions } from "@/lib/auth/auth-options";
import { env } from "@/lib/env";
import { REQUESTED_PATH_HEADER } from "@/lib/http/requested-path";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { isDomainError } from "@/lib/domain/errors";
import { getSessionUser, type SessionRefusal, type SignedInUser } from "@/lib/domain/users/get-active-user";
import { getWorkspace, type WorkspaceView } from "@/lib/domain/workspaces/get-workspace";

/** Shown on the sign-in page when a session was ended by a password reset or by disabling the account. */
export const SESSION_ENDED_NOTICE = "Your password was changed or your account was disabled since you signed in; sign in again.";

/**
 * The one place a web session is resolved (pages, server actions, downloads): the user, or
 * why there is none ("none" when nobody is signed in). Cached per request.
 */
export const resolveSession = cache(async (): Promise<{ user: SignedInUser } | { refused: SessionRefusal | "none" }> => {
  const session = await getServerSession(getAuthOptions());
  const userId = session?.user && "id" in session.user ? String(session.user.id) : null;
  if (!userId) return { refused: "none" };
  const signedInAt = session && "signedInAt" in session && typeof session.signedInAt === "number" ? session.signedInAt : null;
  return getSessionUser(userId, signedInAt);
});

/** The signed-in, still-active user whose session has not been ended, or null. Cached per request. */
export const getSignedInUser = cache(async (): Promise<SignedInUser | null> => {
  const resolved = await resolveSession();
  return "user" in resolved ? resolved.user : null;
});

/** The page being rendered, as the proxy recorded it (see proxy.ts). */
async function requestedPath(): Promise<string | null> {
  return (await headers()).get(REQUESTED_PATH_HEADER);
}

/**
 * The sign-in page for someone without a session, coming back to `returnTo` (a path on this
 * site) after: pages redirect there, downloads answer 303 to it. When their session was ended
 * (a password reset, a disabled account) rather than absent, the page says so (notice=session-ended).
 */
export function signInPath(returnTo: string, refused: SessionRefusal | "none"): string {
  const ended = refused === "ended" ? "&notice=session-ended" : "";
  return `/login?callbackUrl=${encodeURIComponent(returnTo)}${ended}`;
}

/**
 * A 303 to the sign-in page (signInPath) for route handlers (downloads, /oauth/authorize).
 * Absolute on APP_URL, as pages' redirects are: the request's own host may be an internal
 * name or port behind a proxy, and signing in there would start a session on another origin.
 */
export function signInRedirect(returnTo: string, refused: SessionRefusal | "none"): Response {
  return new Response(null, { status: 303, headers: { Location: `${env.APP_URL}${signInPath(returnTo, refused)}`, "Cache-Control": "no-store" } });
}

/** The signed-in user; otherwise off to the sign-in page, coming back to `returnTo` after. */
export async function requireUser(returnTo?: string): Promise<SignedInUser> {
  const resolved = await resolveSession();
  if ("user" in resolved) return resolved.user;
  redirect(signInPath(returnTo ?? (await requestedPath()) ?? "/", resolved.refused));
}

export interface WorkspaceContext {
  user: SignedInUser;
  actor: Actor;
  workspace: WorkspaceView;
}

/**
 * The signed-in user acting in the workspace `slug`. A workspace they do not belong to
 * is a 404; an inactive membership sends them to the workspace picker with the reason.
 */
export const requireWorkspaceActor = cache(async (slug: string): Promise<WorkspaceContext> => {
  const user = await requireUser((await requestedPath()) ?? `/w/${slug}/time`);
  try {
    const actor = await resolveActor(user.id, { slug });
    return { user, actor, workspace: await getWorkspace(actor) };
  } catch (error) {
    if (isDomainError(error) && error.code === "not_found") notFound();
    if (isDomainError(error) && error.code === "forbidden") redirect(`/?notice=${encodeURIComponent(error.message)}`);
    throw error;
  }
});

/** Only paths on this site are followed after sign-in (no open redirect via callbackUrl). */
export function safeReturnPath(value: string | null | undefined, fallback = "/"): string {
  if (!value) return fallback;
  try {
    const url = new URL(value, env.APP_URL);
    if (url.origin !== new URL(env.APP_URL).origin) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}

"use client";
import { signOut } from "next-auth/react";

/**
 * Signs out and goes to `returnTo` (which asks the next person to sign in). Without
 * JavaScript the link opens next-auth's own sign-out page, which returns there too.
 */
export function SwitchAccountLink({ returnTo }: { returnTo: string }) {
  return (
    <a
      href={`/api/auth/signout?callbackUrl=${encodeURIComponent(returnTo)}`}
      onClick={(event) => {
        event.preventDefault();
        void signOut({ callbackUrl: returnTo });
      }}
      className="font-medium text-indigo-600 underline-offset-2 hover:underline"
    >
      Switch account
    </a>
  );
}

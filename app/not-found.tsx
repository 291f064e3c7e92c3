import type { Metadata } from "next";
import { Brand } from "@/components/brand";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

export const metadata: Metadata = { title: "Page not found" };

/**
 * Any address nothing answers, and every notFound() outside a workspace's pages (a workspace the
 * viewer is not in, someone else's developer app). "/" takes a signed-in person to their first
 * workspace and anyone else to sign-in.
 */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-lg px-4 py-16">
      <a href="/" className="inline-block">
        <Brand />
      </a>
      <NotFoundNotice back={{ href: "/", label: "Go to Hourbook" }} />
    </main>
  );
}

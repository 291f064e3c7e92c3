"use client";
import { usePathname } from "next/navigation";

/**
 * Which of `hrefs` is the current page: the most specific one the path is at or under
 * (/account/integrations beats /account).
 */
export function useCurrentHref(hrefs: readonly string[]): string | undefined {
  const pathname = usePathname();
  return hrefs
    .filter((href) => pathname === href || pathname.startsWith(`${href}/`))
    .sort((a, b) => b.length - a.length)[0];
}

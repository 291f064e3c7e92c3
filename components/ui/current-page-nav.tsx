"use client";
import type { NavItem } from "@/lib/web/workspace-nav";
import { NavList, type NavLook } from "./nav-list";
import { useCurrentHref } from "./use-current-href";

/** A NavList whose current link follows the page's path. */
export function CurrentPageNav({ items, ...list }: { label: string; items: NavItem[]; look: NavLook; className?: string }) {
  const currentHref = useCurrentHref(items.map((item) => item.href));
  return <NavList items={items} currentHref={currentHref} {...list} />;
}

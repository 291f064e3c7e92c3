"use client";
import { useEffect } from "react";

/**
 * Sets the tab's title where a page cannot export metadata (a nested not-found.tsx may not), so
 * the title still says what the page is. Renders nothing.
 */
export function DocumentTitle({ title }: { title: string }) {
  useEffect(() => {
    document.title = title;
  }, [title]);
  return null;
}

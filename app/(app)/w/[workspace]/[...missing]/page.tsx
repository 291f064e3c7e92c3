import { notFound } from "next/navigation";

/**
 * Any address under a workspace that no page answers: the workspace's own not-found, in its frame
 * and with the way back to its Time page, rather than the site-wide one. (Every real page is a
 * more specific route and wins; the layout has already checked membership.)
 */
export default function MissingWorkspacePage(): never {
  notFound();
}

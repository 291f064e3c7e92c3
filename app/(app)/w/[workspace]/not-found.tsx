"use client";
import { useParams } from "next/navigation";
import { NotFoundNotice } from "@/components/ui/not-found-notice";

/**
 * A notFound() inside a workspace the viewer belongs to (another member's entry, an unknown
 * invoice or rule): shown in the workspace's own frame, with the way back to its Time page.
 * (The workspace layout has already checked membership, so the slug here is one of theirs.)
 */
export default function WorkspaceNotFound() {
  const { workspace } = useParams<{ workspace: string }>();
  return <NotFoundNotice back={{ href: `/w/${encodeURIComponent(workspace)}/time`, label: "Back to Time" }} />;
}

"use client";
import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import type { ConsentWorkspace } from "@/lib/oauth/authorize/consent-view";
import { AccessSummary } from "./access-summary";
import { WorkspacePicker } from "./workspace-picker";

const noSubscription = () => () => {};

/**
 * The workspace choice and what the app could do in the chosen one. Every workspace's access
 * comes precomputed, so with JavaScript the summary follows the radio at once; without it,
 * "Show access for this workspace" reloads the page for the chosen one (a GET, never a decision).
 */
export function WorkspaceAccess({ workspaces, defaultId, clientName }: { workspaces: ConsentWorkspace[]; defaultId: string | undefined; clientName: string }) {
  const [selectedId, setSelectedId] = useState(defaultId);
  // false in the server's HTML and until hydration, true once the radios answer by themselves.
  const interactive = useSyncExternalStore(noSubscription, () => true, () => false);
  const selected = workspaces.find((w) => w.id === selectedId);

  return (
    <div className="space-y-4">
      <WorkspacePicker workspaces={workspaces} selectedId={selectedId} onSelect={setSelectedId} />
      {interactive || !selected ? null : (
        <Button type="submit" variant="secondary" size="sm" formMethod="get" formAction="/oauth/consent" name="show" value="access">
          Show access for this workspace
        </Button>
      )}
      <div aria-live="polite">{selected ? <AccessSummary clientName={clientName} workspaceName={selected.name} access={selected.access} /> : null}</div>
    </div>
  );
}

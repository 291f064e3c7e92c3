import Link from "next/link";
import { CopyButton } from "@/components/ui/copy-button";

/** How to connect an AI assistant: the MCP server address to paste, and where developer apps live. */
export function ConnectAssistant({ mcpUrl, title = "No connected apps yet" }: { mcpUrl: string; title?: string }) {
  return (
    <div className="rounded-xl border-2 border-dashed border-slate-200 px-6 py-8">
      <h2 className="text-base font-semibold text-slate-900">{title}</h2>
      <div className="mt-2 max-w-2xl space-y-3 text-sm text-slate-600">
        <p>
          To connect an AI assistant such as Claude or ChatGPT, add Hourbook as a custom connector (an MCP server) in the assistant&rsquo;s settings
          and paste this address:
        </p>
        <div className="flex flex-wrap items-center gap-3">
          <label htmlFor="mcp-url" className="sr-only">
            MCP server address
          </label>
          <input
            id="mcp-url"
            readOnly
            value={mcpUrl}
            className="w-full max-w-md rounded-md bg-slate-50 px-3 py-2 font-mono text-sm text-slate-900 ring-1 ring-inset ring-slate-300"
          />
          <CopyButton value={mcpUrl} label="Copy address">
            Copy address
          </CopyButton>
        </div>
        <p>
          The assistant sends you here to sign in and choose one workspace and what it may do. Each connection then shows up on this page, where you can
          revoke it at any time.
        </p>
        <p>
          Writing your own script or app against the REST API?{" "}
          <Link href="/developers/apps" className="font-medium text-indigo-700 underline">
            Register a developer app
          </Link>
          .
        </p>
      </div>
    </div>
  );
}

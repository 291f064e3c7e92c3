import Link from "next/link";
import { When } from "@/components/integrations/when";
import { Badge } from "@/components/ui/badge";
import { Table, Td } from "@/components/ui/table";

export interface DeveloperAppRow {
  id: string;
  name: string;
  clientType: "public" | "confidential";
  resources: string[];
  createdAt: Date;
  liveConnections: number;
}

const RESOURCE_LABELS: Record<string, string> = { api: "REST API", mcp: "MCP" };

/** `timeZone`: the viewer's, for the day each app was created. */
export function DeveloperAppTable({ apps, timeZone }: { apps: DeveloperAppRow[]; timeZone: string }) {
  return (
    <Table caption="Your developer apps" columns={["Name", "Type", "Resources", "Created", { label: "Live connections", align: "right" }]}>
      {apps.map((app) => (
        <tr key={app.id} data-testid="developer-app-row">
          <Td>
            <Link href={`/developers/apps/${app.id}`} className="font-medium text-indigo-700 hover:underline">
              {app.name}
            </Link>
            <p className="font-mono text-xs text-slate-500">{app.id}</p>
          </Td>
          <Td>
            <Badge tone={app.clientType === "confidential" ? "indigo" : "gray"}>{app.clientType === "confidential" ? "Confidential" : "Public"}</Badge>
          </Td>
          <Td>{app.resources.map((r) => RESOURCE_LABELS[r] ?? r).join(", ")}</Td>
          <Td>
            <When at={app.createdAt} timeZone={timeZone} date />
          </Td>
          <Td align="right">{app.liveConnections}</Td>
        </tr>
      ))}
    </Table>
  );
}

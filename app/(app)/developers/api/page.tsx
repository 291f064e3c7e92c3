import type { Metadata } from "next";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { ButtonLink, buttonClasses } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Table, Td } from "@/components/ui/table";
import { apiReference, type ReferenceField, type ReferenceOperation } from "@/lib/api/api-reference";
import { PROBLEM_TYPES } from "@/lib/api/problem";
import { requireUser } from "@/lib/auth/session";
import { developerAppEndpoints } from "@/lib/oauth/metadata";

export const metadata: Metadata = { title: "REST API reference" };

const METHOD_TONES: Record<string, BadgeTone> = { GET: "blue", POST: "green", PATCH: "amber", PUT: "amber", DELETE: "red" };

/** The REST API reference, read off the same OpenAPI document /api/v1/openapi.json serves. */
export default async function ApiReferencePage() {
  await requireUser();
  const reference = apiReference();
  const endpoints = developerAppEndpoints(["api"]);
  const api = endpoints.resources[0];
  return (
    <>
      <PageHeader
        title="REST API reference"
        description={`${reference.title} ${reference.version}: one workspace per access token, JSON in and out with snake_case fields.`}
        actions={
          <>
            <a className={buttonClasses("secondary")} href="/api/v1/openapi.json">
              OpenAPI document (JSON)
            </a>
            <ButtonLink href="/developers/apps">Your developer apps</ButtonLink>
          </>
        }
      />
      <div className="space-y-6">
        <Card title="Getting a token">
          <ol className="list-decimal space-y-1.5 pl-5 text-sm text-slate-700 wrap-anywhere">
            <li>
              <a className="font-medium text-indigo-700 underline" href="/developers/apps/new">
                Register a developer app
              </a>{" "}
              with the REST API as a resource, your redirect URI and the scopes it needs. A confidential app gets a client secret, shown once.
            </li>
            <li>
              Send the person to <code className="font-mono text-xs">{endpoints.authorization}</code> with <code className="font-mono text-xs">response_type=code</code>,
              your <code className="font-mono text-xs">client_id</code> and <code className="font-mono text-xs">redirect_uri</code>, the{" "}
              <code className="font-mono text-xs">scope</code> you need, a PKCE <code className="font-mono text-xs">code_challenge</code> (S256 of a random verifier),{" "}
              <code className="font-mono text-xs">state</code>, and <code className="font-mono text-xs">resource={api?.url}</code>. They choose one workspace and approve.
            </li>
            <li>
              Exchange the code at <code className="font-mono text-xs">{endpoints.token}</code> (grant_type=authorization_code, the code, redirect_uri and
              code_verifier), authenticating a confidential app with HTTP Basic. Access tokens last 15 minutes; refresh tokens rotate on every use.
            </li>
            <li>
              Call <code className="font-mono text-xs">{reference.server}/api/v1/…</code> with <code className="font-mono text-xs">Authorization: Bearer &lt;access token&gt;</code>.
              A token for the MCP server is refused here (401), and this API&apos;s tokens are refused there.
            </li>
          </ol>
        </Card>

        <Card title="Conventions">
          <ul className="list-disc space-y-1.5 pl-5 text-sm text-slate-700">
            <li>Money is integer minor units (cents) of the workspace currency; durations are seconds; calendar dates are YYYY-MM-DD in the workspace&apos;s time zone; instants are ISO 8601.</li>
            <li>
              Lists of time entries and invoices come a page at a time: <code className="font-mono text-xs">{"{ data, next_cursor }"}</code>; pass{" "}
              <code className="font-mono text-xs">cursor=next_cursor</code> (and <code className="font-mono text-xs">limit</code>, 1–200) until it is null. Other lists answer{" "}
              <code className="font-mono text-xs">{"{ data }"}</code>. Repeat a list parameter for several values (<code className="font-mono text-xs">tag_id=a&amp;tag_id=b</code>).
            </li>
            <li>
              Creating POSTs accept an <code className="font-mono text-xs">Idempotency-Key</code> header: a retry with the same key and body returns the first answer
              (with <code className="font-mono text-xs">Idempotent-Replayed: true</code>) instead of creating twice; the same key with another body is a 409. Sending an invoice
              is never repeated without one.
            </li>
            <li>Your role in the workspace still applies: a scope lets an app ask, the role decides (a member cannot change clients, for example).</li>
          </ul>
          <h3 className="mt-4 text-sm font-semibold text-slate-900">Errors</h3>
          <p className="mt-1 text-sm text-slate-700">
            Every refusal is <code className="font-mono text-xs">application/problem+json</code> (RFC 9457) with a stable <code className="font-mono text-xs">code</code>; invalid
            input also has <code className="font-mono text-xs">errors</code>, one message per field, keyed like <code className="font-mono text-xs">body.name</code> or{" "}
            <code className="font-mono text-xs">query.from</code>.
          </p>
          <div className="mt-2">
            <Table caption="Problem codes" columns={["Status", "Code", "Meaning"]}>
              {Object.entries(PROBLEM_TYPES).map(([code, { status, title }]) => (
                <tr key={code}>
                  <Td className="tabular-nums">{status}</Td>
                  <Td>
                    <code className="font-mono text-xs">{code}</code>
                  </Td>
                  <Td>{title}</Td>
                </tr>
              ))}
            </Table>
          </div>
        </Card>

        <nav aria-label="Endpoints" className="rounded-xl bg-white px-5 py-4 shadow-sm ring-1 ring-slate-200">
          <h2 className="text-base font-semibold text-slate-900">Endpoints</h2>
          <ul className="mt-2 grid gap-x-8 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
            {reference.tags.map((tag) => (
              <li key={tag.name}>
                <a className="text-sm font-medium text-indigo-700 underline" href={`#${tag.anchor}`}>
                  {tag.name}
                </a>
                <ul className="mt-1 space-y-0.5">
                  {tag.operations.map((op) => (
                    <li key={op.id} className="text-xs">
                      <a className="font-mono text-slate-700 wrap-anywhere hover:underline" href={`#${op.id}`}>
                        {op.method} {op.path.replace("/api/v1", "")}
                      </a>
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </nav>

        {reference.tags.map((tag) => (
          <section key={tag.name} aria-labelledby={tag.anchor} className="space-y-4">
            <h2 id={tag.anchor} className="scroll-mt-4 text-lg font-semibold text-slate-900">
              {tag.name}
            </h2>
            {tag.operations.map((op) => (
              <OperationCard key={op.id} op={op} />
            ))}
          </section>
        ))}
      </div>
    </>
  );
}

function OperationCard({ op }: { op: ReferenceOperation }) {
  return (
    <article id={op.id} aria-labelledby={`${op.id}-title`} className="scroll-mt-4 rounded-xl bg-white shadow-sm ring-1 ring-slate-200">
      <header className="space-y-1 border-b border-slate-100 px-5 py-4">
        <h3 id={`${op.id}-title`} className="flex flex-wrap items-center gap-2 text-base font-semibold text-slate-900">
          <Badge tone={METHOD_TONES[op.method] ?? "gray"}>{op.method}</Badge>
          <code className="font-mono text-sm wrap-anywhere">{op.path}</code>
        </h3>
        <p className="text-sm font-medium text-slate-800">{op.summary}</p>
        <p className="text-xs text-slate-500">
          Scope <code className="font-mono">{op.scope}</code>
          {op.alsoAllowedBy.length ? <> (or {op.alsoAllowedBy.map((s) => <code key={s} className="font-mono">{s}</code>)})</> : null} · answers {op.successStatus}
        </p>
      </header>
      <div className="space-y-4 px-5 py-4">
        {op.description ? <p className="text-sm text-slate-700">{op.description}</p> : null}
        {op.fields.length ? <FieldTable caption={`Parameters of ${op.method} ${op.path}`} fields={op.fields} /> : <p className="text-sm text-slate-500">No parameters.</p>}
        {op.bodyVariants.map((variant) => (
          <div key={variant.title} className="space-y-1">
            <h4 className="text-sm font-medium text-slate-800">
              Body when <code className="font-mono text-xs">{variant.title}</code>
            </h4>
            <FieldTable caption={`Body of ${op.method} ${op.path} when ${variant.title}`} fields={variant.fields} />
          </div>
        ))}
        {op.responseFields.length ? (
          <details className="text-sm">
            <summary className="cursor-pointer font-medium text-slate-800">Response fields</summary>
            <div className="mt-2">
              <FieldTable caption={`Response of ${op.method} ${op.path}`} fields={op.responseFields} showWhere={false} />
            </div>
          </details>
        ) : null}
      </div>
    </article>
  );
}

function FieldTable({ caption, fields, showWhere = true }: { caption: string; fields: ReferenceField[]; showWhere?: boolean }) {
  return (
    <Table caption={caption} columns={["Name", showWhere && "In", "Type", "Description"]}>
      {fields.map((field) => (
        <tr key={`${field.where}.${field.name}`}>
          <Td>
            <code className="font-mono text-xs text-slate-900">{field.name}</code>
            {field.required && showWhere ? <span className="ml-1 text-xs text-rose-700">required</span> : null}
          </Td>
          {showWhere ? <Td className="text-xs">{field.where}</Td> : null}
          <Td className="font-mono text-xs">{field.type}</Td>
          <Td className="text-xs">{field.description ?? ""}</Td>
        </tr>
      ))}
    </Table>
  );
}

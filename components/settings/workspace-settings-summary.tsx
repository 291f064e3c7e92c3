import { LogoPreview } from "./logo-form";

export interface SettingsFact {
  label: string;
  value: string;
}

/** The settings and business details for someone who may read but not change them. */
export function WorkspaceSettingsSummary({ general, business, logoUrl }: { general: SettingsFact[]; business: SettingsFact[]; logoUrl: string | null }) {
  const list = (title: string, facts: SettingsFact[]) => (
    <section aria-label={title} className="space-y-2">
      <h3 className="text-sm font-semibold text-slate-900">{title}</h3>
      <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[12rem_1fr]">
        {facts.map((fact) => (
          <div key={fact.label} className="contents">
            <dt className="text-slate-500">{fact.label}</dt>
            <dd className="whitespace-pre-line font-medium text-slate-900">{fact.value || <span className="font-normal text-slate-500">Not set</span>}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
  return (
    <div className="space-y-6" data-testid="settings-read-only">
      {list("General", general)}
      {list("Business details", business)}
      <section aria-label="Logo" className="space-y-2">
        <h3 className="text-sm font-semibold text-slate-900">Logo</h3>
        <LogoPreview logoUrl={logoUrl} />
      </section>
    </div>
  );
}

/** A project <select>'s options: a prompt, then the projects grouped under their clients. */
export function ProjectOptions({ projects }: { projects: Array<{ id: string; name: string; clientName: string }> }) {
  const clients = [...new Set(projects.map((p) => p.clientName))];
  return (
    <>
      <option value="">Choose a project…</option>
      {clients.map((client) => (
        <optgroup key={client} label={client}>
          {projects
            .filter((p) => p.clientName === client)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
        </optgroup>
      ))}
    </>
  );
}

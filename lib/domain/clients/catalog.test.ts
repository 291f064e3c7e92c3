import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { resolveActor, type Actor } from "@/lib/domain/actor";
import { createProject } from "@/lib/domain/projects/create-project";
import { listProjects } from "@/lib/domain/projects/list-projects";
import { updateProject } from "@/lib/domain/projects/update-project";
import { createTag } from "@/lib/domain/tags/create-tag";
import { listTags } from "@/lib/domain/tags/list-tags";
import { createTask } from "@/lib/domain/tasks/create-task";
import { listTasks } from "@/lib/domain/tasks/list-tasks";
import { updateTask } from "@/lib/domain/tasks/update-task";
import { loadDemoData } from "@/lib/testing/demo-data";
import { rejection, STAGGERS_MS, startApart } from "@/lib/testing/race";
import { createClient } from "./create-client";
import { listClients } from "./list-clients";
import { updateClient } from "./update-client";

let ada: Actor;
beforeAll(async () => {
  const demo = await loadDemoData();
  ada = await resolveActor(demo.ada.id, { slug: "lovelace-studio" });
});

describe("clients, projects, tasks and tags", () => {
  it("creates a client, a project under it and a task, and lists them", async () => {
    const client = await createClient(ada, { name: "  Somerville Ltd ", email: "mary@somerville.example" });
    expect(client.name).toBe("Somerville Ltd");
    const project = await createProject(ada, { clientId: client.id, name: "Mechanism of the Heavens", hourlyRate: 13_000 });
    const task = await createTask(ada, { projectId: project.id, name: "Chapter 1", estimateSeconds: 7_200 });
    expect(task).toMatchObject({ status: "open", billable: true, project: { id: project.id }, client: { id: client.id } });
    expect((await listClients(ada)).find((c) => c.id === client.id)?.projectCount).toBe(1);
    expect((await listProjects(ada, { clientId: client.id })).map((p) => p.name)).toEqual(["Mechanism of the Heavens"]);
    expect((await listTasks(ada, { projectId: project.id }))[0]).toMatchObject({ name: "Chapter 1", trackedSeconds: 0 });
  });

  it("refuses a client or project filter that is not the workspace's, rather than listing nothing", async () => {
    const foreign = await db.project.findFirstOrThrow({ where: { workspace: { slug: "analytical-engines" } } });
    for (const clientId of ["nope", foreign.clientId]) {
      await expect(listProjects(ada, { clientId })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { clientId: "no client with this id in this workspace" } });
    }
    for (const projectId of ["zzz", foreign.id]) {
      await expect(listTasks(ada, { projectId })).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { projectId: "no project with this id in this workspace" } });
    }
  });

  it("reports tracked time per task", async () => {
    const tasks = await listTasks(ada);
    const tracked = tasks.reduce((s, t) => s + t.trackedSeconds, 0);
    const agg = await db.timeEntry.aggregate({ where: { workspaceId: ada.workspaceId, taskId: { not: null } }, _sum: { durationSeconds: true } });
    expect(tracked).toBe(agg._sum.durationSeconds);
  });

  it("archives a project out of the default list, and clears its rate with null", async () => {
    const client = await createClient(ada, { name: "Archivable" });
    const project = await createProject(ada, { clientId: client.id, name: "Done", hourlyRate: 100 });
    expect((await updateProject(ada, { id: project.id, hourlyRate: null })).hourlyRate).toBeNull();
    await updateProject(ada, { id: project.id, archived: true });
    expect((await listProjects(ada)).map((p) => p.id)).not.toContain(project.id);
    expect((await listProjects(ada, { includeArchived: true })).map((p) => p.id)).toContain(project.id);
  });

  it.each([
    { name: "a duplicate client name", run: () => createClient(ada, { name: "Babbage & Co" }), code: "conflict" },
    { name: "an invalid client email", run: () => createClient(ada, { name: "Bad Mail", email: "not-an-email" }), code: "invalid_input" },
    { name: "a 121-character client name", run: () => createClient(ada, { name: "x".repeat(121) }), code: "invalid_input" },
    { name: "a project for an unknown client", run: () => createProject(ada, { clientId: "nope", name: "x" }), code: "invalid_input" },
    { name: "a project with a negative rate", run: async () => createProject(ada, { clientId: (await listClients(ada))[0]!.id, name: "x", hourlyRate: -1 }), code: "invalid_input" },
    { name: "a task with an unknown status", run: async () => createTask(ada, { projectId: (await listProjects(ada))[0]!.id, name: "x", status: "blocked" as never }), code: "invalid_input" },
    { name: "a duplicate tag", run: () => createTag(ada, { name: "research" }), code: "conflict" },
    { name: "renaming a client onto another", run: async () => updateClient(ada, { id: (await listClients(ada)).find((c) => c.name === "Menabrea Press")!.id, name: "Babbage & Co" }), code: "conflict" },
    { name: "updating an unknown task", run: () => updateTask(ada, { id: "nope", name: "x" }), code: "not_found" },
  ])("refuses $name", async ({ run, code }) => {
    const counts = () => Promise.all([db.client.count(), db.project.count(), db.task.count(), db.tag.count()]);
    const before = await counts();
    await expect(run()).rejects.toMatchObject({ code });
    expect(await counts()).toEqual(before);
  });

  it("lists tags with their usage", async () => {
    const tag = await createTag(ada, { name: "urgent" });
    const tags = await listTags(ada);
    expect(tags.find((t) => t.id === tag.id)).toMatchObject({ timeEntryCount: 0, taskCount: 0 });
    expect(tags.find((t) => t.name === "writing")?.timeEntryCount).toBeGreaterThan(0);
  });
});

describe("the same name created twice at once", () => {
  let seq = 0;
  const fresh = (what: string) => `${what} ${++seq} ${Date.now()}`;
  it.each([
    {
      what: "client",
      create: async (name: string) => () => createClient(ada, { name }),
      count: (name: string) => db.client.count({ where: { workspaceId: ada.workspaceId, name } }),
    },
    {
      what: "tag",
      create: async (name: string) => () => createTag(ada, { name }),
      count: (name: string) => db.tag.count({ where: { workspaceId: ada.workspaceId, name } }),
    },
    {
      what: "project",
      create: async (name: string) => {
        const client = await createClient(ada, { name: fresh("Client for") });
        return () => createProject(ada, { clientId: client.id, name });
      },
      count: (name: string) => db.project.count({ where: { workspaceId: ada.workspaceId, name } }),
    },
    {
      what: "task",
      create: async (name: string) => {
        const client = await createClient(ada, { name: fresh("Client for") });
        const project = await createProject(ada, { clientId: client.id, name: fresh("Project for") });
        return () => createTask(ada, { projectId: project.id, name });
      },
      count: (name: string) => db.task.count({ where: { workspaceId: ada.workspaceId, name } }),
    },
  ])("makes one $what and refuses the other with a readable conflict", async ({ what, create, count }) => {
    for (const delay of STAGGERS_MS) {
      const name = fresh(what);
      const run = await create(name);
      const outcomes = await startApart(run, run, delay);
      expect(outcomes.map((o) => o.status).sort(), `round ${delay} ms`).toEqual(["fulfilled", "rejected"]);
      expect(outcomes.map(rejection).find(Boolean)).toMatchObject({ code: "conflict", message: expect.stringContaining(`named "${name}"`) });
      expect(await count(name)).toBe(1);
    }
  });
});

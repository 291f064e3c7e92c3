import { describe, expect, it } from "vitest";
import { resolveTaskFilters } from "./task-filters";

const projectIds = ["p-web", "p-old"];

describe("resolveTaskFilters", () => {
  it.each([
    ["no filters", undefined, undefined, { projectId: undefined, status: undefined }],
    ["empty filters (the form's “All”)", "", "", { projectId: undefined, status: undefined }],
    ["a project of the workspace and a status", "p-web", "in_progress", { projectId: "p-web", status: "in_progress" }],
    ["an archived project", "p-old", undefined, { projectId: "p-old", status: undefined }],
  ] as const)("applies %s without a notice", (_, project, status, applied) => {
    expect(resolveTaskFilters({ project, status, projectIds })).toEqual({ ...applied, notices: [] });
  });

  it("leaves off a project that is not the workspace's, and says so", () => {
    expect(resolveTaskFilters({ project: "zzz", status: "done", projectIds })).toEqual({
      projectId: undefined,
      status: "done",
      notices: ["There is no project with that id in this workspace, so tasks of every project are shown."],
    });
  });

  it("leaves off a status that is not one, names the statuses, and says so", () => {
    expect(resolveTaskFilters({ project: "p-web", status: "finished", projectIds })).toEqual({
      projectId: "p-web",
      status: undefined,
      notices: ["There is no task status “finished” (it is open, in_progress or done), so tasks of every status are shown."],
    });
  });

  it("says each filter it leaves off", () => {
    expect(resolveTaskFilters({ project: "zzz", status: "finished", projectIds }).notices).toHaveLength(2);
  });
});

import { describe, expect, it } from "vitest";
import { overlapConfirmation } from "./overlap-warning";

const entry = (over: Partial<Parameters<typeof overlapConfirmation>[0][number]> = {}) => ({
  id: "e1",
  startedAt: new Date("2025-03-03T09:00:00Z"),
  endedAt: new Date("2025-03-03T10:25:00Z"),
  durationSeconds: 5_100,
  description: "",
  project: { id: "p", name: "Website redesign" },
  task: null,
  ...over,
});

describe("the overlap warning", () => {
  it("names the overlapped entry with its project, task, day and local times, and saves nothing until confirmed", () => {
    const state = overlapConfirmation([entry({ task: { id: "t", name: "Design" }, description: "Hero image" })], "Europe/Paris");
    expect(state).toEqual({
      status: "confirm",
      message: expect.stringMatching(/^This overlaps an entry you already tracked\. Nothing is saved yet.*Save anyway/),
      details: ["Website redesign · Design, Mon 3 Mar 10:00–11:25 “Hero image”"],
    });
  });

  it("counts several entries and speaks of another member's time", () => {
    const state = overlapConfirmation([entry(), entry({ id: "e2" })], "UTC", "they");
    expect(state).toMatchObject({ message: expect.stringMatching(/^This overlaps 2 entries this member already tracked/), details: ["Website redesign, Mon 3 Mar 09:00–10:25", "Website redesign, Mon 3 Mar 09:00–10:25"] });
  });
});

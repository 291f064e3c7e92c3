import { describe, expect, it } from "vitest";
import { runOverlapWarning, stoppedEntryOverlapWarning } from "./timer-overlap-warning";

const entry = (id = "e1") => ({
  id,
  startedAt: new Date("2025-03-03T09:00:00Z"),
  endedAt: new Date("2025-03-03T10:25:00Z"),
  durationSeconds: 5_100,
  description: "Hero image",
  project: { id: "p", name: "Website redesign" },
  task: null,
});

describe("the timer's overlap warnings", () => {
  it("after a stop: says the entry is saved, names what it overlaps and links to edit the new entry", () => {
    expect(stoppedEntryOverlapWarning("new-entry", [entry()], "Europe/Paris", "lovelace")).toEqual({
      message: "The entry this timer became overlaps an entry you already tracked. It is saved; edit it if that time is counted twice.",
      details: ["Website redesign, Mon 3 Mar 10:00–11:25 “Hero image”"],
      link: { href: "/w/lovelace/time/new-entry/edit", label: "Edit the new entry" },
    });
  });

  it("while running: counts the entries, and says the timer keeps running", () => {
    expect(runOverlapWarning([entry(), entry("e2")], "UTC", "lovelace")).toMatchObject({ message: expect.stringMatching(/^The running timer overlaps 2 entries you already tracked\. It keeps running/), details: [expect.any(String), expect.any(String)] });
  });

  it("says nothing when nothing overlaps", () => {
    expect(stoppedEntryOverlapWarning("x", [], "UTC", "lovelace")).toBeUndefined();
    expect(runOverlapWarning([], "UTC", "lovelace")).toBeUndefined();
  });
});

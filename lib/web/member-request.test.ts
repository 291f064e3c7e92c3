import { describe, expect, it } from "vitest";
import { resolveMemberRequest } from "./member-request";

const owner = { viewer: "m-ada", seesEveryone: true, memberIds: ["m-ada", "m-grace"] };
const member = { viewer: "m-grace", seesEveryone: false, memberIds: [] };
const timePage = { allowAll: true, shown: "time" } as const;
const timesheet = { allowAll: false, shown: "week" } as const;

describe("resolveMemberRequest", () => {
  it.each([
    ["no member asked for", owner, timePage, undefined, "m-ada", null],
    ["an empty member", owner, timePage, "", "m-ada", null],
    ["the viewer", owner, timePage, "m-ada", "m-ada", null],
    ["another member, for an owner", owner, timePage, "m-grace", "m-grace", null],
    ["everyone, on the time page", owner, timePage, "all", "all", null],
    ["everyone, for a member (their own time)", member, timePage, "all", "m-grace", null],
    ["the member themself", member, timesheet, "m-grace", "m-grace", null],
  ] as const)("shows %s without a notice", (_, viewer, page, requested, shown, notice) => {
    expect(resolveMemberRequest({ ...viewer, ...page, requested })).toEqual({ member: shown, notice });
  });

  it.each([
    ["an unknown id (or another workspace's member)", owner, timePage, "zzz", "There is no member with that id in this workspace, so your time is shown instead."],
    ["an unknown id on the timesheet", owner, timesheet, "zzz", "There is no member with that id in this workspace, so your week is shown instead."],
    ["everyone on the timesheet", owner, timesheet, "all", "The timesheet shows one person's week at a time, so your week is shown instead."],
    ["another member's id, for a member", member, timePage, "m-ada", "A member can only see their own time, so yours is shown instead."],
    ["an unknown id, for a member (the same words: nothing leaks)", member, timesheet, "zzz", "A member can only see their own week, so yours is shown instead."],
  ] as const)("shows the viewer's own for %s, and says so", (_, viewer, page, requested, notice) => {
    expect(resolveMemberRequest({ ...viewer, ...page, requested })).toEqual({ member: viewer.viewer, notice });
  });
});

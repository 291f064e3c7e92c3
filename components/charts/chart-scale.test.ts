import { describe, expect, it } from "vitest";
import { contrastRatio, niceScale, OTHER_COLOUR, SERIES_COLOURS } from "./chart-scale";

describe("chart scale", () => {
  it.each([
    { min: 0, max: 37, expected: { min: 0, max: 40, ticks: [0, 10, 20, 30, 40] } },
    { min: 0, max: 7.3, expected: { min: 0, max: 8, ticks: [0, 2, 4, 6, 8] } },
    { min: -150, max: 420, expected: { min: -200, max: 600, ticks: [-200, 0, 200, 400, 600] } },
    { min: 0, max: 0, expected: { min: 0, max: 1, ticks: [0, 1] } },
  ])("covers $min..$max with nice ticks", ({ min, max, expected }) => {
    expect(niceScale(min, max)).toEqual(expected);
  });

  it("uses colours with at least 3:1 contrast against white, and grey for Other", () => {
    for (const colour of [...SERIES_COLOURS, OTHER_COLOUR]) expect(contrastRatio(colour, "#ffffff")).toBeGreaterThanOrEqual(3);
    expect(contrastRatio("#000000", "#ffffff")).toBeCloseTo(21);
  });
});

/**
 * The value axis of a bar chart: a "nice" range (1, 2, 2.5 or 5 × a power of ten per step)
 * covering the data and zero, with its ticks.
 */
export function niceScale(min: number, max: number, targetTicks = 4): { min: number; max: number; ticks: number[] } {
  const low = Math.min(0, min);
  const high = Math.max(0, max);
  if (low === high) return { min: 0, max: 1, ticks: [0, 1] };
  const rough = (high - low) / targetTicks;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const start = Math.floor(low / step) * step;
  const end = Math.ceil(high / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Math.round(t * 1e6) / 1e6);
  return { min: start, max: end, ticks };
}

/**
 * Series colours: each has at least 3:1 contrast with the white background (WCAG 2.1 1.4.11,
 * non-text contrast), and bars are separated by white gaps so neighbours stay distinct.
 * Tailwind's indigo-600, emerald-700, amber-700, rose-700, sky-700; slate-500 for "Other".
 */
export const SERIES_COLOURS = ["#4f46e5", "#047857", "#b45309", "#be123c", "#0369a1"] as const;
export const OTHER_COLOUR = "#64748b";

/** The colour of series `index` (key "other" is grey). */
export function seriesColour(index: number, key: string): string {
  return key === "other" ? OTHER_COLOUR : (SERIES_COLOURS[index % SERIES_COLOURS.length] ?? OTHER_COLOUR);
}

/** WCAG 2.1 contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

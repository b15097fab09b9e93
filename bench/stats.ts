/** The few statistics every bench script shares. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

export const median = (xs: number[]) => quantile(xs, 0.5);

export const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

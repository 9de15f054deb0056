// Helpers shared by the benchmarks (not a benchmark itself: run-bench picks only *.bench.ts).

/** The sample at percentile `p` (nearest rank), NaN when there are none. */
export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export const fmt = (ms: number) => `${ms.toFixed(2)} ms`;

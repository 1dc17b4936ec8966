/**
 * The largest value each count or size option takes. Past these a run would take hours or exhaust memory (a huge
 * `--runs` once crashed `simulate` with "Invalid array length"); a larger value is a usage error (exit 2) naming the
 * limit, which the help and the README's CLI section state too.
 */
export const LIMITS = {
  /** `check --workers`, `simulate --workers`: more threads than this only queue for the same cores. */
  workers: 16,
  /** `check --batch-rows`: rows held per batch; a batch is kept in memory while it is checked. */
  batchRows: 100_000,
  /** `simulate --runs`: Monte Carlo runs (each run keeps its figures until the bands are computed). */
  runs: 10_000,
  /** `simulate --generate`, `--b-generate` and a plan's `cohort.count`: cadres held in memory (1,000,000 take about 1.3 GB). */
  cohort: 2_000_000,
  /** `generate --count`: profiles written (streamed; 10,000,000 are about 6 GB of JSON). */
  generate: 10_000_000,
} as const;


/**
 * Latency samples and the percentiles the report prints.
 * @module
 */

/** A growable list of latency samples in milliseconds, kept unboxed in a `Float64Array`. */
export class Samples {
  #values = new Float64Array(4096)
  #length = 0

  /** Adds one sample. */
  push(value: number): void {
    if (this.#length === this.#values.length) {
      const grown = new Float64Array(this.#values.length * 2)
      grown.set(this.#values)
      this.#values = grown
    }
    this.#values[this.#length++] = value
  }

  /** How many samples were added. */
  get length(): number {
    return this.#length
  }

  /** A sorted copy of the samples. */
  sorted(): Float64Array {
    return this.#values.slice(0, this.#length).sort()
  }
}

/**
 * The nearest-rank percentile of already sorted values: the smallest value such that at least
 * `p` percent of the values are less than or equal to it. `NaN` when there are no values.
 */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN
  if (p <= 0) return sorted[0]!
  const rank = Math.min(sorted.length, Math.ceil((p / 100) * sorted.length))
  return sorted[rank - 1]!
}

/** What the report says about a set of latencies, in milliseconds. */
export interface LatencySummary {
  count: number
  mean: number
  p50: number
  p90: number
  p99: number
  max: number
}

/** Count, mean, p50, p90, p99 and max of the samples (unsorted input is fine). */
export function summarize(samples: Samples | ArrayLike<number>): LatencySummary {
  const sorted = samples instanceof Samples ? samples.sorted() : Float64Array.from(samples).sort()
  let total = 0
  for (const value of sorted) total += value
  return {
    count: sorted.length,
    mean: sorted.length === 0 ? Number.NaN : total / sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length === 0 ? Number.NaN : sorted[sorted.length - 1]!,
  }
}

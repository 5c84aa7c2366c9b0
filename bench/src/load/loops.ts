/**
 * The two load shapes: a closed loop (N workers, each sends its next call when the previous one
 * answered) and an open loop (calls sent on a fixed schedule whatever the server does). Both are
 * bounded in time and in count, and stop early when a contender only fails.
 * @module
 */
import { Samples, summarize, type LatencySummary } from '../stats/samples.js'

/** What a loop measured. Only the measurement window counts; the warm-up is discarded. */
export interface LoopResult {
  /** Calls answered within the measurement window. */
  completed: number
  /** Calls that failed (or, in the open loop, were dropped) within the window. */
  errors: number
  firstError?: string
  /** `completed` per second of the window. */
  rate: number
  latency: LatencySummary
}

/** Options of {@link runClosedLoop}. */
export interface ClosedLoopOptions {
  workers: number
  warmupMs: number
  durationMs: number
  /** Hard cap on calls started, whatever the time. @default 20_000_000 */
  maxCalls?: number
  call: (worker: number) => Promise<void>
}

/** Stops a loop once this many calls failed and none succeeded: the contender is broken. */
const GIVE_UP_AFTER_ERRORS = 200

const now = (): number => performance.now()

/**
 * Closed loop: `workers` concurrent callers, each in a loop. The rate is the number of answers in
 * the window divided by its length; latency is measured per call, send to answer.
 */
export async function runClosedLoop(options: ClosedLoopOptions): Promise<LoopResult> {
  const maxCalls = options.maxCalls ?? 20_000_000
  const start = now()
  const windowStart = start + options.warmupMs
  const end = windowStart + options.durationMs
  const samples = new Samples()
  let started = 0
  let succeeded = 0
  let failed = 0
  let errors = 0
  let firstError: string | undefined

  const worker = async (index: number): Promise<void> => {
    while (started < maxCalls) {
      const sent = now()
      if (sent >= end) return
      if (failed >= GIVE_UP_AFTER_ERRORS && succeeded === 0) return
      started++
      try {
        await options.call(index)
        succeeded++
        const answered = now()
        if (answered >= windowStart && answered < end) samples.push(answered - sent)
      } catch (error) {
        failed++
        firstError ??= (error as Error).message
        if (sent >= windowStart) errors++
        // A failing contender must not turn the loop into a busy spin.
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    }
  }
  await Promise.all(Array.from({ length: options.workers }, (_, index) => worker(index)))
  const result: LoopResult = {
    completed: samples.length,
    errors: succeeded === 0 ? Math.max(errors, failed) : errors,
    rate: samples.length / (options.durationMs / 1000),
    latency: summarize(samples),
  }
  if (firstError !== undefined) result.firstError = firstError
  return result
}

/** Options of {@link runOpenLoop}. */
export interface OpenLoopOptions {
  /** Calls per second. */
  rate: number
  warmupMs: number
  durationMs: number
  /** Calls allowed in flight; a call due beyond this is dropped and counted as an error. */
  maxInFlight: number
  /** How long to wait for stragglers after the last call was sent. @default 10_000 */
  drainMs?: number
  call: (index: number) => Promise<void>
}

/**
 * Open loop: call `i` is due at `start + i / rate` and its latency runs from that due time, not
 * from when it was actually sent, so a server that falls behind shows it (no coordinated
 * omission).
 */
export async function runOpenLoop(options: OpenLoopOptions): Promise<LoopResult> {
  const interval = 1000 / options.rate
  const total = Math.round(((options.warmupMs + options.durationMs) / 1000) * options.rate)
  const start = now()
  const windowStart = start + options.warmupMs
  const samples = new Samples()
  const inFlight = new Set<Promise<void>>()
  let errors = 0
  let succeeded = 0
  let firstError: string | undefined
  let next = 0

  while (next < total) {
    const current = now()
    while (next < total && start + next * interval <= current) {
      const due = start + next * interval
      const index = next++
      const measured = due >= windowStart
      if (inFlight.size >= options.maxInFlight) {
        if (measured) errors++
        firstError ??= `more than ${options.maxInFlight} calls in flight`
        continue
      }
      const call = options.call(index).then(
        () => {
          succeeded++
          if (measured) samples.push(now() - due)
        },
        (error: unknown) => {
          if (measured) errors++
          firstError ??= (error as Error).message
        },
      )
      inFlight.add(call)
      void call.finally(() => inFlight.delete(call))
    }
    if (errors >= GIVE_UP_AFTER_ERRORS && succeeded === 0) break
    const wait = start + next * interval - now()
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(wait, 5))))
  }
  await Promise.race([
    Promise.all(inFlight),
    new Promise((resolve) => setTimeout(resolve, options.drainMs ?? 10_000)),
  ])
  // Calls still unanswered after the drain are failures, not silently dropped samples.
  errors += inFlight.size
  const result: LoopResult = {
    completed: samples.length,
    errors,
    rate: samples.length / (options.durationMs / 1000),
    latency: summarize(samples),
  }
  if (firstError !== undefined) result.firstError = firstError
  return result
}

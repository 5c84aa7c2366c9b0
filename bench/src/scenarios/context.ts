/**
 * What every scenario needs: the options, the contenders, a server for the length of one
 * measurement, and rows for contenders that are missing or failed.
 * @module
 */
import type { Options } from '../cli/options.js'
import type { Contender, ContenderId } from '../contenders.js'
import type { LoopResult } from '../load/loops.js'
import { startServer, type RunningServer } from '../process/children.js'
import { getFreePort } from '../process/ports.js'
import type { ResultRow } from '../report/results.js'

/** Shared by the scenarios of one run. */
export interface RunContext {
  options: Options
  contenders: Map<ContenderId, Contender>
  /** Progress output (stderr), so the tables on stdout stay clean. */
  log: (line: string) => void
}

/** The contenders of `ids` the user selected, in that order. */
export function selected(context: RunContext, ids: ContenderId[]): Contender[] {
  return ids
    .filter((id) => context.options.contenders.includes(id))
    .map((id) => context.contenders.get(id)!)
}

/** Starts the contender on a free port, runs `body`, and always stops the server. */
export async function withServer<T>(
  context: RunContext,
  contender: Contender,
  body: (server: RunningServer) => Promise<T>,
): Promise<T> {
  if (contender.spec === undefined) throw new Error(contender.unavailable ?? 'no way to start it')
  const port = await getFreePort()
  const server = await startServer(contender.label, contender.spec, port)
  try {
    return await body(server)
  } finally {
    await server.stop()
  }
}

/** A row for a contender that cannot run yet. */
export function unavailableRow(contender: Contender, why?: string): ResultRow {
  return {
    id: contender.id,
    label: contender.label,
    status: 'unavailable',
    note: why ?? contender.unavailable ?? 'not available',
    values: {},
  }
}

/** A row for a contender whose measurement threw. */
export function failedRow(id: string, label: string, error: unknown): ResultRow {
  const message = error instanceof Error ? error.message : String(error)
  return {
    id,
    label,
    status: 'failed',
    note: message.split('\n').slice(0, 3).join(' | '),
    values: {},
  }
}

/** The row for a loop: rate, p50, p99 and errors; failed when nothing was answered. */
export function loopRow(id: string, label: string, loop: LoopResult): ResultRow {
  if (loop.completed === 0) {
    return failedRow(
      id,
      label,
      new Error(`no call succeeded: ${loop.firstError ?? 'unknown error'}`),
    )
  }
  const row: ResultRow = {
    id,
    label,
    status: 'ok',
    values: {
      rate: loop.rate,
      p50: loop.latency.p50,
      p99: loop.latency.p99,
      max: loop.latency.max,
      errors: loop.errors,
    },
  }
  if (loop.errors > 0) row.note = `${loop.errors} errors, first: ${loop.firstError ?? '?'}`
  return row
}

/** A contender set up for a loop: one call, and what to release afterwards. */
export interface LoopSetup {
  call: (worker: number) => Promise<void>
  close?: () => Promise<void> | void
}

interface Ready {
  contender: Contender
  server: RunningServer
  setup: LoopSetup
  loops: LoopResult[]
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

/**
 * Measures each contender `options.repeat` times, interleaved. Every server is started and set
 * up first; then each round runs every contender's loop in turn, starting one further along each
 * round, so that a machine that gets busier or quieter during the run shifts every contender
 * alike. A row reports the median of the rounds for each figure (errors are summed); with one
 * round it is that round. Contenders that cannot run get their row and the others go on.
 */
export async function interleavedRounds(
  context: RunContext,
  contenders: Contender[],
  setUp: (contender: Contender, server: RunningServer) => Promise<LoopSetup>,
  loop: (call: (worker: number) => Promise<void>) => Promise<LoopResult>,
): Promise<ResultRow[]> {
  const rows = new Map<string, ResultRow>()
  const ready: Ready[] = []
  try {
    for (const contender of contenders) {
      if (contender.spec === undefined) {
        rows.set(contender.id, unavailableRow(contender))
        continue
      }
      let server: RunningServer | undefined
      try {
        server = await startServer(contender.label, contender.spec, await getFreePort())
        const setup = await setUp(contender, server)
        ready.push({ contender, server, setup, loops: [] })
      } catch (error) {
        await server?.stop()
        rows.set(contender.id, failedRow(contender.id, contender.label, error))
      }
    }
    const { repeat } = context.options
    for (let round = 0; round < repeat; round++) {
      for (let index = 0; index < ready.length; index++) {
        const entry = ready[(index + round) % ready.length]!
        const { contender } = entry
        context.log(
          `  ${contender.label}${repeat > 1 ? ` (round ${round + 1}/${repeat})` : ''} ...`,
        )
        try {
          entry.loops.push(await loop(entry.setup.call))
        } catch (error) {
          rows.set(contender.id, failedRow(contender.id, contender.label, error))
        }
      }
    }
    for (const { contender, loops } of ready) {
      if (rows.has(contender.id)) continue
      rows.set(contender.id, roundsRow(contender, loops))
    }
  } finally {
    for (const { setup, server } of ready) {
      try {
        await setup.close?.()
      } finally {
        await server.stop()
      }
    }
  }
  return contenders.map((contender) => rows.get(contender.id)!)
}

/** One row from the loops of every round: medians, summed errors, the rates in a note. */
export function roundsRow(contender: Contender, loops: LoopResult[]): ResultRow {
  const answered = loops.filter((loop) => loop.completed > 0)
  if (answered.length < loops.length || loops.length === 0) {
    const failed = loops.find((loop) => loop.completed === 0)
    return loopRow(contender.id, contender.label, failed ?? loops[0]!)
  }
  if (loops.length === 1) return loopRow(contender.id, contender.label, loops[0]!)
  const errors = loops.reduce((sum, loop) => sum + loop.errors, 0)
  const row: ResultRow = {
    id: contender.id,
    label: contender.label,
    status: 'ok',
    values: {
      rate: median(loops.map((loop) => loop.rate)),
      p50: median(loops.map((loop) => loop.latency.p50)),
      p99: median(loops.map((loop) => loop.latency.p99)),
      max: median(loops.map((loop) => loop.latency.max)),
      errors,
    },
  }
  row.rounds = loops.map((loop) => loop.rate)
  const rates = loops.map((loop) => Math.round(loop.rate).toLocaleString('en-US')).join(', ')
  row.note = `median of ${loops.length} rounds; calls/s per round: ${rates}`
  if (errors > 0) {
    const first = loops.find((loop) => loop.firstError !== undefined)?.firstError
    row.note += `; ${errors} errors, first: ${first ?? '?'}`
  }
  return row
}

/** Runs `open` `count` times with at most `limit` at once; collects values and failures. */
export async function mapLimit<T>(
  count: number,
  limit: number,
  open: (index: number) => Promise<T>,
): Promise<{ values: T[]; failures: number; firstError?: string }> {
  const values: T[] = []
  let failures = 0
  let firstError: string | undefined
  let next = 0
  const lane = async (): Promise<void> => {
    while (next < count) {
      const index = next++
      try {
        values.push(await open(index))
      } catch (error) {
        failures++
        firstError ??= (error as Error).message
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, count) }, lane))
  return firstError === undefined ? { values, failures } : { values, failures, firstError }
}

/** Throws when a setup step lost sessions: the comparison would not be like for like. */
export function requireAll<T>(
  what: string,
  wanted: number,
  got: Awaited<ReturnType<typeof mapLimit<T>>>,
): T[] {
  if (got.failures > 0) {
    throw new Error(`${what}: ${got.failures} of ${wanted} failed, first: ${got.firstError ?? '?'}`)
  }
  return got.values
}

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

/**
 * Runs `measure` for each contender: an unavailable one gets its "not available yet" row, a
 * failure gets a failed row, and the run goes on either way.
 */
export async function eachContender(
  context: RunContext,
  contenders: Contender[],
  measure: (contender: Contender) => Promise<ResultRow>,
): Promise<ResultRow[]> {
  const rows: ResultRow[] = []
  for (const contender of contenders) {
    if (contender.spec === undefined) {
      rows.push(unavailableRow(contender))
      continue
    }
    context.log(`  ${contender.label} ...`)
    try {
      rows.push(await measure(contender))
    } catch (error) {
      rows.push(failedRow(contender.id, contender.label, error))
    }
  }
  return rows
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

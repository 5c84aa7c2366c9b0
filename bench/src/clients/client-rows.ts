/**
 * Scenario 7's rows from the runners' outputs: each client measured at 1 and N in flight, once
 * per round; a row gives the median of the rounds for each figure.
 * @module
 */
import type { ResultRow } from '../report/results.js'
import type { RunnerOutput } from './client-runner.js'

/** What one client's runners printed, round by round, at 1 and at N calls in flight. */
export interface ClientRounds {
  id: string
  label: string
  /** Suffix of the metric keys (`1`, `n`) -> one output per round. */
  outputs: Record<'1' | 'n', RunnerOutput[]>
}

type Measured = Extract<RunnerOutput, { ok: true }>

const median = (values: number[]): number => {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b)
  if (sorted.length === 0) return NaN
  const middle = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

const rate = (value: number): string => Math.round(value).toLocaleString('en-US')

/** One client's row: medians of calls/s, p50 and CPU per call at each level, errors noted. */
export function clientRow(client: ClientRounds): ResultRow {
  const row: ResultRow = { id: client.id, label: client.label, status: 'ok', values: {} }
  const notes: string[] = []
  for (const suffix of ['1', 'n'] as const) {
    const outputs = client.outputs[suffix]
    const failure = outputs.find((output) => !output.ok)
    if (failure !== undefined && !failure.ok) {
      row.status = failure.unavailable ? 'unavailable' : 'failed'
      row.note = failure.error
      row.values = {}
      return row
    }
    const measured = outputs as Measured[]
    if (measured.length === 0) continue
    row.values[`rate${suffix}`] = median(measured.map((output) => output.rate))
    row.values[`p50${suffix}`] = median(measured.map((output) => output.p50))
    row.values[`cpu${suffix}`] = median(measured.map((output) => output.cpu))
    if (measured.length > 1) {
      notes.push(`@${suffix}: ${measured.map((output) => rate(output.rate)).join(', ')}`)
    }
    const errors = measured.reduce((sum, output) => sum + output.errors, 0)
    if (errors > 0) {
      const first = measured.find((output) => output.firstError !== undefined)?.firstError
      notes.push(`${errors} errors @${suffix}, first: ${first ?? '?'}`)
    }
  }
  if (notes.length > 0) row.note = `calls/s per round ${notes.join('; ')}`
  return row
}

/**
 * `client-ours / baseline` round by round at one level, for the notes: each round runs the
 * clients one after the other, so load that drifts during the run shifts a pair alike.
 */
export function roundRatios(
  row: ClientRounds,
  baseline: ClientRounds,
  suffix: '1' | 'n',
): string | undefined {
  const ours = row.outputs[suffix]
  const theirs = baseline.outputs[suffix]
  if (ours.length < 2 || ours.length !== theirs.length) return undefined
  const ratios: number[] = []
  for (let index = 0; index < ours.length; index++) {
    const a = ours[index]!
    const b = theirs[index]!
    if (!a.ok || !b.ok || b.rate === 0) return undefined
    ratios.push(a.rate / b.rate)
  }
  const each = ratios.map((ratio) => `${ratio.toFixed(2)}x`).join(', ')
  return `${each}, median ${median(ratios).toFixed(2)}x`
}

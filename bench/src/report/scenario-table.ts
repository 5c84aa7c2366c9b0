/**
 * Renders one scenario: the absolute figures, ratio columns against the baselines, and each
 * target from the issues with its verdict.
 * @module
 */
import { formatRatio, formatValue, ratioOf, renderTable, type Align } from './format.js'
import type { ResultRow, ScenarioResult, Target, TargetVerdict } from './results.js'

/** Checks one target against the rows of its scenario. */
export function judgeTarget(target: Target, rows: ResultRow[]): TargetVerdict {
  const row = rows.find((candidate) => candidate.id === target.row && candidate.status === 'ok')
  const value = row?.values[target.metric]
  let actual: number | undefined = value
  if (target.baseline !== undefined) {
    const baseline = rows.find((c) => c.id === target.baseline && c.status === 'ok')
    actual = ratioOf(value, baseline?.values[target.metric])
  }
  if (actual === undefined || !Number.isFinite(actual)) return { target, status: 'not measured' }
  const met =
    (target.atLeast === undefined || actual >= target.atLeast) &&
    (target.atMost === undefined || actual <= target.atMost)
  return { target, status: met ? 'met' : 'missed', actual }
}

function describeVerdict(verdict: TargetVerdict, rows: ResultRow[]): string {
  const { target } = verdict
  if (verdict.status === 'not measured') {
    const row = rows.find((candidate) => candidate.id === target.row)
    const why = row?.status === 'ok' || row === undefined ? 'no figure' : row.note
    return `target ${target.text}: not measured (${row?.label ?? target.row}: ${why ?? row?.status ?? 'missing'})`
  }
  const actual =
    target.baseline === undefined
      ? String(verdict.actual?.toFixed(1))
      : formatRatio(verdict.actual, 1)
  return `target ${target.text}: ${verdict.status} (${actual})${pairedRounds(target, rows)}`
}

/**
 * With `--repeat`, the same ratio round by round: each round measures the row and its baseline
 * one after the other, so load that drifts during the run shifts both figures of a pair alike.
 */
function pairedRounds(target: Target, rows: ResultRow[]): string {
  if (target.baseline === undefined) return ''
  const row = rows.find((candidate) => candidate.id === target.row && candidate.status === 'ok')
  const base = rows.find(
    (candidate) => candidate.id === target.baseline && candidate.status === 'ok',
  )
  const ours = row?.rounds
  const theirs = base?.rounds
  if (ours === undefined || theirs === undefined || ours.length !== theirs.length) return ''
  const ratios = ours.map((value, index) => value / theirs[index]!)
  const sorted = [...ratios].sort((a, b) => a - b)
  const middle = sorted.length >> 1
  const median =
    sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
  const each = ratios.map((ratio) => formatRatio(ratio, 1)).join(', ')
  return `; round by round ${each}, median ${formatRatio(median, 1)}`
}

/** The printed block for one scenario. */
export function renderScenario(result: ScenarioResult): string {
  const metricColumns = result.metrics.map((metric) => metric.label)
  const ratioColumns: Array<{ title: string; metric: string; baseline: string }> = []
  for (const metric of result.ratioMetrics) {
    for (const baseline of result.baselines) {
      const prefix =
        result.ratioMetrics.length > 1
          ? `${result.metrics.find((m) => m.key === metric)?.label ?? metric} `
          : ''
      ratioColumns.push({ title: `${prefix}vs ${baseline.label}`, metric, baseline: baseline.row })
    }
  }
  const header = ['', ...metricColumns, ...ratioColumns.map((column) => column.title)]
  const align: Align[] = ['left', ...header.slice(1).map((): Align => 'right')]
  const rows = result.rows.map((row) => {
    if (row.status !== 'ok') {
      const word = row.status === 'unavailable' ? 'not available yet' : 'failed'
      return [`${row.label} — ${word}: ${row.note ?? ''}`.trimEnd()]
    }
    const values = result.metrics.map((metric) => formatValue(row.values[metric.key], metric.unit))
    const ratios = ratioColumns.map((column) => {
      const baseline = result.rows.find((c) => c.id === column.baseline && c.status === 'ok')
      return formatRatio(row.values[column.metric], baseline?.values[column.metric])
    })
    return [row.label, ...values, ...ratios]
  })
  const better = result.metrics
    .filter((metric) => result.ratioMetrics.includes(metric.key))
    .map((metric) => `${metric.label}: ${metric.better} is better`)
  const lines = [
    `(${result.number}) ${result.title}`,
    `    ${result.method}`,
    '',
    renderTable(header, rows, align),
    '',
    `ratios are row / baseline (${better.join('; ')})`,
    ...result.targets.map((target) =>
      describeVerdict(judgeTarget(target, result.rows), result.rows),
    ),
    ...result.rows
      .filter((row) => row.status === 'ok' && row.note !== undefined)
      .map((row) => `note, ${row.label}: ${row.note}`),
    ...result.notes.map((note) => `note: ${note}`),
  ]
  return lines.join('\n')
}

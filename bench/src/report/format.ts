/**
 * Number, ratio and table formatting for the printed report.
 * @module
 */

/** The units the report knows how to print. */
export type Unit = 'calls/s' | 'ms' | 's' | 'KiB' | 'count'

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 })

/** A value for a table cell: `—` when it was not measured. */
export function formatValue(value: number | undefined, unit: Unit): string {
  if (value === undefined || !Number.isFinite(value)) return '—'
  switch (unit) {
    case 'calls/s':
    case 'count':
      return integer.format(value)
    case 'ms':
      if (Math.abs(value) < 10) return value.toFixed(2)
      if (Math.abs(value) < 100) return value.toFixed(1)
      return integer.format(value)
    case 's':
    case 'KiB':
      return value.toFixed(1)
  }
}

/**
 * `value / baseline` as `4.20x`: the same direction for every metric, so a throughput ratio
 * above 1 and a latency or memory ratio below 1 both favour the row. `—` when either side is
 * missing or the baseline is zero.
 */
export function formatRatio(value: number | undefined, baseline: number | undefined): string {
  const ratio = ratioOf(value, baseline)
  if (ratio === undefined) return '—'
  return ratio >= 100 ? `${ratio.toFixed(0)}x` : `${ratio.toFixed(2)}x`
}

/** `value / baseline`, or `undefined` when it cannot be computed. */
export function ratioOf(
  value: number | undefined,
  baseline: number | undefined,
): number | undefined {
  if (value === undefined || baseline === undefined) return undefined
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return undefined
  return value / baseline
}

/** How a column lines up. */
export type Align = 'left' | 'right'

/**
 * A plain-text table: columns padded to their widest cell and separated by two spaces. A row
 * with fewer cells than the header leaves the rest empty; a single-cell row (a note such as
 * "not available yet") runs across the table.
 */
export function renderTable(header: string[], rows: string[][], align: Align[] = []): string {
  const widths = header.map((cell) => cell.length)
  for (const row of rows) {
    if (row.length === 1) continue
    row.forEach((cell, index) => {
      widths[index] = Math.max(widths[index] ?? 0, cell.length)
    })
  }
  const line = (cells: string[]): string => {
    if (cells.length === 1 && header.length > 1) return cells[0]!
    return widths
      .map((width, index) => {
        const cell = cells[index] ?? ''
        return align[index] === 'right' ? cell.padStart(width) : cell.padEnd(width)
      })
      .join('  ')
      .trimEnd()
  }
  const rule = widths.map((width) => '-'.repeat(width)).join('  ')
  return [line(header), rule, ...rows.map(line)].join('\n')
}

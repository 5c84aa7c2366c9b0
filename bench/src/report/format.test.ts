import { describe, expect, it } from 'vitest'
import { formatRatio, formatValue, ratioOf, renderTable } from './format.js'

describe('formatValue', () => {
  it('prints rates and counts as integers with thousands separators', () => {
    expect(formatValue(12345.6, 'calls/s')).toBe('12,346')
    expect(formatValue(10000, 'count')).toBe('10,000')
  })

  it('keeps more decimals for small latencies than for large ones', () => {
    expect(formatValue(1.234, 'ms')).toBe('1.23')
    expect(formatValue(42.26, 'ms')).toBe('42.3')
    expect(formatValue(1234.4, 'ms')).toBe('1,234')
  })

  it('prints memory in KiB with one decimal', () => {
    expect(formatValue(11.96, 'KiB')).toBe('12.0')
  })

  it('prints a dash for what was not measured', () => {
    expect(formatValue(undefined, 'ms')).toBe('—')
    expect(formatValue(Number.NaN, 'calls/s')).toBe('—')
  })
})

describe('formatRatio', () => {
  it('divides the row by the baseline', () => {
    expect(formatRatio(4200, 1000)).toBe('4.20x')
    expect(formatRatio(20, 80)).toBe('0.25x')
    expect(ratioOf(50, 100)).toBe(0.5)
  })

  it('drops the decimals of very large ratios', () => {
    expect(formatRatio(123_456, 100)).toBe('1235x')
  })

  it('prints a dash when either side is missing or the baseline is zero', () => {
    expect(formatRatio(undefined, 10)).toBe('—')
    expect(formatRatio(10, undefined)).toBe('—')
    expect(formatRatio(10, 0)).toBe('—')
    expect(formatRatio(Number.NaN, 10)).toBe('—')
  })
})

describe('renderTable', () => {
  it('pads every column to its widest cell and aligns numbers right', () => {
    const text = renderTable(
      ['name', 'calls/s'],
      [
        ['a', '1'],
        ['longer', '12,345'],
      ],
      ['left', 'right'],
    )
    expect(text.split('\n')).toEqual([
      'name    calls/s',
      '------  -------',
      'a             1',
      'longer   12,345',
    ])
  })

  it('lets a one-cell note run across the table without widening the first column', () => {
    const text = renderTable(['name', 'x'], [['ours — not available yet: no server'], ['b', '2']])
    const lines = text.split('\n')
    expect(lines[0]).toBe('name  x')
    expect(lines[2]).toBe('ours — not available yet: no server')
    expect(lines[3]).toBe('b     2')
  })
})

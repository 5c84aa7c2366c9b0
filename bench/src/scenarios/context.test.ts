import { describe, expect, it } from 'vitest'
import type { Contender } from '../contenders.js'
import type { LoopResult } from '../load/loops.js'
import { roundsRow } from './context.js'

const contender: Contender = { id: 'ours', label: 'ours (mcp-sse)' }

function loop(rate: number, p99: number, errors = 0): LoopResult {
  const result: LoopResult = {
    completed: rate,
    errors,
    rate,
    latency: { count: rate, p50: p99 / 2, p90: p99, p99, max: p99 * 2, mean: p99 / 2 },
  }
  if (errors > 0) result.firstError = 'boom'
  return result
}

describe('roundsRow', () => {
  it('reports one round as it is', () => {
    const row = roundsRow(contender, [loop(1000, 10)])
    expect(row.values).toMatchObject({ rate: 1000, p99: 10, errors: 0 })
    expect(row.note).toBeUndefined()
  })

  it('reports the median of each figure over several rounds, and every rate in a note', () => {
    const row = roundsRow(contender, [loop(900, 30), loop(3000, 10), loop(1200, 20, 2)])
    expect(row.status).toBe('ok')
    expect(row.values).toMatchObject({ rate: 1200, p99: 20, p50: 10, errors: 2 })
    expect(row.note).toBe(
      'median of 3 rounds; calls/s per round: 900, 3,000, 1,200; 2 errors, first: boom',
    )
  })

  it('fails the row when a round answered nothing', () => {
    const broken: LoopResult = { ...loop(0, 0), completed: 0, firstError: 'refused' }
    const row = roundsRow(contender, [loop(1000, 10), broken])
    expect(row.status).toBe('failed')
    expect(row.note).toContain('refused')
  })
})

import { describe, expect, it } from 'vitest'
import type { ScenarioResult } from './results.js'
import { judgeTarget, renderScenario } from './scenario-table.js'

function throughput(ours: 'ok' | 'unavailable'): ScenarioResult {
  return {
    id: 'stateful',
    number: 1,
    title: 'Stateful tools/call',
    method: '32 sessions, closed loop.',
    metrics: [
      { key: 'rate', label: 'calls/s', unit: 'calls/s', better: 'higher' },
      { key: 'p99', label: 'p99 ms', unit: 'ms', better: 'lower' },
    ],
    ratioMetrics: ['rate'],
    baselines: [
      { label: 'SDK 1.x', row: 'sdk-v1' },
      { label: 'raw Hono', row: 'raw-hono' },
    ],
    rows: [
      ours === 'ok'
        ? { id: 'ours', label: 'ours', status: 'ok', values: { rate: 5000, p99: 3 } }
        : { id: 'ours', label: 'ours', status: 'unavailable', note: 'no bench server', values: {} },
      { id: 'sdk-v1', label: 'SDK 1.x', status: 'ok', values: { rate: 1000, p99: 30 } },
      { id: 'raw-hono', label: 'raw Hono', status: 'ok', values: { rate: 10000, p99: 1.5 } },
    ],
    targets: [
      { text: '≥ 4x SDK 1.x', row: 'ours', metric: 'rate', baseline: 'sdk-v1', atLeast: 4 },
    ],
    notes: ['one load generator for all'],
  }
}

describe('judgeTarget', () => {
  it('compares the ratio against the baseline when the target names one', () => {
    const result = throughput('ok')
    const verdict = judgeTarget(result.targets[0]!, result.rows)
    expect(verdict).toMatchObject({ status: 'met', actual: 5 })
  })

  it('reports a missed target with the figure that missed it', () => {
    const result = throughput('ok')
    const verdict = judgeTarget({ ...result.targets[0]!, atLeast: 8 }, result.rows)
    expect(verdict).toMatchObject({ status: 'missed', actual: 5 })
  })

  it('checks an absolute bound when there is no baseline', () => {
    const result = throughput('ok')
    const target = { text: 'p99 ≤ 2 ms', row: 'ours', metric: 'p99', atMost: 2 }
    expect(judgeTarget(target, result.rows)).toMatchObject({ status: 'missed', actual: 3 })
  })

  it('says not measured when the row is not available', () => {
    const result = throughput('unavailable')
    expect(judgeTarget(result.targets[0]!, result.rows).status).toBe('not measured')
  })
})

describe('renderScenario', () => {
  it('prints absolute figures and one ratio column per baseline', () => {
    const text = renderScenario(throughput('ok'))
    const ours = text.split('\n').find((line) => line.startsWith('ours'))
    expect(ours?.split(/\s{2,}/)).toEqual(['ours', '5,000', '3.00', '5.00x', '0.50x'])
    expect(text).toContain('vs SDK 1.x')
    expect(text).toContain('target ≥ 4x SDK 1.x: met (5.00x)')
  })

  it('adds the ratio round by round when the rows carry interleaved rounds', () => {
    const result = throughput('ok')
    result.rows[0]!.rounds = [4000, 5000, 9000]
    result.rows[1]!.rounds = [1000, 2000, 1500]
    expect(renderScenario(result)).toContain(
      'target ≥ 4x SDK 1.x: met (5.00x); round by round 4.00x, 2.50x, 6.00x, median 4.00x',
    )
  })

  it('gives the baseline a ratio of 1 against itself', () => {
    const line = renderScenario(throughput('ok'))
      .split('\n')
      .find((l) => l.startsWith('SDK 1.x'))
    expect(line?.split(/\s{2,}/).slice(-2)).toEqual(['1.00x', '0.10x'])
  })

  it('prints an unavailable contender as a line that says so, and its target as not measured', () => {
    const text = renderScenario(throughput('unavailable'))
    expect(text).toContain('ours — not available yet: no bench server')
    expect(text).toContain('target ≥ 4x SDK 1.x: not measured (ours: no bench server)')
  })
})

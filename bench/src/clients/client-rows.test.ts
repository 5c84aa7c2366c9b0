import { describe, expect, it } from 'vitest'
import type { RunnerOutput } from './client-runner.js'
import { clientRow, roundRatios, type ClientRounds } from './client-rows.js'

const ok = (rate: number, cpu = 100): RunnerOutput => ({
  ok: true,
  rate,
  p50: 1000 / rate,
  p99: 2000 / rate,
  cpu,
  errors: 0,
})

function client(id: string, one: RunnerOutput[], many: RunnerOutput[]): ClientRounds {
  return { id, label: id, outputs: { '1': one, n: many } }
}

describe('clientRow', () => {
  it('reports the median of the rounds for each figure and the rates per round', () => {
    const row = clientRow(
      client(
        'client-ours',
        [ok(100, 300), ok(300, 100), ok(200, 200)],
        [ok(1000), ok(900), ok(1100)],
      ),
    )
    expect(row.status).toBe('ok')
    expect(row.values).toMatchObject({ rate1: 200, cpu1: 200, raten: 1000, p50n: 1 })
    expect(row.note).toBe('calls/s per round @1: 100, 300, 200; @n: 1,000, 900, 1,100')
  })

  it('marks a client that is not there as unavailable, and one that broke as failed', () => {
    const missing = clientRow(
      client('x', [{ ok: false, unavailable: true, error: 'no connect() export yet' }], []),
    )
    expect(missing).toMatchObject({ status: 'unavailable', note: 'no connect() export yet' })
    const broken = clientRow(
      client('y', [ok(100)], [{ ok: false, unavailable: false, error: 'exited with 1' }]),
    )
    expect(broken).toMatchObject({ status: 'failed', note: 'exited with 1', values: {} })
  })
})

describe('roundRatios', () => {
  it('pairs the rounds of two clients at one level', () => {
    const ours = client('ours', [ok(200), ok(300), ok(100)], [])
    const sdk = client('sdk', [ok(100), ok(100), ok(100)], [])
    expect(roundRatios(ours, sdk, '1')).toBe('2.00x, 3.00x, 1.00x, median 2.00x')
    expect(roundRatios(ours, sdk, 'n')).toBeUndefined()
  })
})

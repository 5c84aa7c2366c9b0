import { describe, expect, it } from 'vitest'
import { runClosedLoop, runOpenLoop } from './loops.js'

describe('runClosedLoop', () => {
  it('runs every worker and stops at the call cap', async () => {
    const seen = new Set<number>()
    const result = await runClosedLoop({
      workers: 4,
      warmupMs: 0,
      durationMs: 60_000,
      maxCalls: 40,
      call: async (worker) => {
        seen.add(worker)
        await Promise.resolve()
      },
    })
    expect(seen).toEqual(new Set([0, 1, 2, 3]))
    expect(result.completed).toBe(40)
    expect(result.errors).toBe(0)
  })

  it('counts failures with the first message and gives up on a contender that only fails', async () => {
    const result = await runClosedLoop({
      workers: 50,
      warmupMs: 0,
      durationMs: 60_000,
      call: () => Promise.reject(new Error('503 from server')),
    })
    expect(result.completed).toBe(0)
    expect(result.errors).toBeGreaterThanOrEqual(200)
    expect(result.firstError).toBe('503 from server')
  })
})

describe('runOpenLoop', () => {
  it('sends rate x time calls on schedule and measures each one', async () => {
    let calls = 0
    const result = await runOpenLoop({
      rate: 200,
      warmupMs: 0,
      durationMs: 250,
      maxInFlight: 100,
      call: async () => {
        calls++
        await Promise.resolve()
      },
    })
    expect(calls).toBe(50)
    expect(result.completed).toBe(50)
    expect(result.errors).toBe(0)
  })

  it('drops calls beyond the in-flight limit and counts them as errors', async () => {
    const never = new Promise<void>(() => undefined)
    const result = await runOpenLoop({
      rate: 400,
      warmupMs: 0,
      durationMs: 100,
      maxInFlight: 5,
      drainMs: 10,
      call: () => never,
    })
    expect(result.completed).toBe(0)
    // 40 due: 5 sent and never answered (failures after the drain), 35 dropped.
    expect(result.errors).toBe(40)
    expect(result.firstError).toBe('more than 5 calls in flight')
  })
})

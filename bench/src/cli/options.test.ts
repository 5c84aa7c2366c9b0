import { describe, expect, it } from 'vitest'
import { parseOptions } from './options.js'

const ROOT = '/repo/bench'

describe('parseOptions', () => {
  it('runs everything with the full-length defaults', () => {
    const options = parseOptions([], ROOT)
    expect(options.scenarios).toHaveLength(7)
    expect(options.contenders).toContain('ours')
    expect(options).toMatchObject({
      quick: false,
      warmupMs: 2000,
      durationMs: 5000,
      concurrency: 32,
      rate: 1000,
      sessions: 10_000,
      broadcasts: 3,
      repeat: 1,
      out: '/repo/bench/results/latest.json',
    })
  })

  it('shortens everything with --quick, and explicit flags still win', () => {
    expect(parseOptions(['--quick'], ROOT)).toMatchObject({
      durationMs: 1500,
      warmupMs: 300,
      sessions: 1000,
      broadcasts: 1,
    })
    expect(parseOptions(['--quick', '--sessions', '5000'], ROOT).sessions).toBe(5000)
  })

  it('takes scenarios by number or name, in either form of the flag, in canonical order', () => {
    expect(parseOptions(['--scenarios', '3,stateful'], ROOT).scenarios).toEqual([
      'stateful',
      'latency',
    ])
    expect(parseOptions(['--scenarios=memory,5'], ROOT).scenarios).toEqual(['memory', 'broadcast'])
  })

  it('picks contenders and converts seconds to milliseconds', () => {
    const options = parseOptions(['--contenders', 'sdk-v1,raw-hono', '--duration', '1.5'], ROOT)
    expect(options.contenders).toEqual(['sdk-v1', 'raw-hono'])
    expect(options.durationMs).toBe(1500)
  })

  it('takes a number of interleaved rounds', () => {
    expect(parseOptions(['--repeat', '5'], ROOT).repeat).toBe(5)
    expect(() => parseOptions(['--repeat', '0'], ROOT)).toThrow('--repeat needs a positive integer')
  })

  it('skips the -- that pnpm may pass through', () => {
    expect(parseOptions(['--', '--quick'], ROOT).quick).toBe(true)
  })

  it('says what is wrong with a bad flag or value', () => {
    expect(() => parseOptions(['--scenarios', '9'], ROOT)).toThrow('unknown "9"')
    expect(() => parseOptions(['--contenders', 'express'], ROOT)).toThrow('known: ours')
    expect(() => parseOptions(['--sessions', '-1'], ROOT)).toThrow(
      '--sessions needs a positive integer',
    )
    expect(() => parseOptions(['--rate', '1.5'], ROOT)).toThrow('positive integer')
    expect(() => parseOptions(['--fast'], ROOT)).toThrow('Unknown option --fast')
    expect(() => parseOptions(['quick'], ROOT)).toThrow('Unexpected argument "quick"')
  })
})

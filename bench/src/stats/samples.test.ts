import { describe, expect, it } from 'vitest'
import { percentile, Samples, summarize } from './samples.js'

describe('percentile', () => {
  const hundred = Float64Array.from({ length: 100 }, (_, index) => index + 1)

  it('uses the nearest rank, so p50 of 1..100 is 50 and p99 is 99', () => {
    expect(percentile(hundred, 50)).toBe(50)
    expect(percentile(hundred, 99)).toBe(99)
    expect(percentile(hundred, 100)).toBe(100)
  })

  it('returns the smallest value for p0 and the only value of a single sample', () => {
    expect(percentile(hundred, 0)).toBe(1)
    expect(percentile([7], 99)).toBe(7)
  })

  it('rounds the rank up: p99 of ten values is the largest', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 99)).toBe(10)
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9)
  })

  it('is NaN without samples', () => {
    expect(percentile([], 50)).toBeNaN()
  })
})

describe('Samples and summarize', () => {
  it('keeps every sample past the initial capacity and sorts numerically', () => {
    const samples = new Samples()
    for (let index = 10_000; index > 0; index--) samples.push(index / 10)
    expect(samples.length).toBe(10_000)
    const sorted = samples.sorted()
    expect(sorted[0]).toBe(0.1)
    expect(sorted[9_999]).toBe(1000)
  })

  it('summarizes unsorted input', () => {
    const summary = summarize([5, 1, 3, 2, 4])
    expect(summary).toEqual({ count: 5, mean: 3, p50: 3, p90: 5, p99: 5, max: 5 })
  })

  it('summarizes a Samples list the same way as an array', () => {
    const samples = new Samples()
    for (const value of [9, 1, 10]) samples.push(value)
    expect(summarize(samples)).toEqual(summarize([9, 1, 10]))
  })

  it('reports NaN rather than zero when nothing was measured', () => {
    const summary = summarize([])
    expect(summary.count).toBe(0)
    expect(summary.p99).toBeNaN()
    expect(summary.mean).toBeNaN()
  })
})

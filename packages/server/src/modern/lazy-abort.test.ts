import { describe, expect, it } from 'vitest'
import { LazyAbort } from './lazy-abort.js'

describe('LazyAbort', () => {
  it('gives a live signal that aborts with the first reason', () => {
    const lazy = new LazyAbort()
    const { signal } = lazy
    expect(signal.aborted).toBe(false)
    lazy.abort('first')
    lazy.abort('second')
    expect([signal.aborted, signal.reason, lazy.aborted]).toEqual([true, 'first', true])
  })

  it('remembers an abort that came before anyone read the signal', () => {
    const lazy = new LazyAbort()
    lazy.abort('early')
    expect(lazy.signal.aborted).toBe(true)
    expect(lazy.signal.reason).toBe('early')
  })
})

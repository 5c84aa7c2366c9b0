import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LocalError } from '../errors/local-error.js'
import { createLinkedPeers } from './linked-peers.js'

/** A promise and the functions that settle it. */
function deferred<T>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

/** A server whose `work` handler reports progress every `every` ms, `steps` times. */
function progressingServer(every: number, steps: number) {
  const linked = createLinkedPeers()
  linked.server.setRequestHandler('work', async (_params, context) => {
    for (let step = 1; step <= steps; step++) {
      await new Promise((resolve) => setTimeout(resolve, every))
      await context.sendProgress({ progress: step, total: steps })
    }
    return { done: true }
  })
  return linked
}

describe('timeouts', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('rejects after the timeout, saying what timed out, and cancels the request', async () => {
    const { client, server, messages } = createLinkedPeers()
    let handlerSignal: AbortSignal | undefined
    server.setRequestHandler('slow', (_params, context) => {
      handlerSignal = context.signal
      return new Promise(() => undefined)
    })
    const call = client.request('slow', {}, { timeout: 1000 })
    const outcome = call.catch((e: unknown) => e as LocalError)
    await vi.advanceTimersByTimeAsync(999)
    expect(messages).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    const error = await outcome
    expect(error).toBeInstanceOf(LocalError)
    expect(error.type).toBe('timeout')
    expect(error.message).toBe('Request timed out after 1000 ms: slow')
    expect(messages[1]!.message).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: {
        requestId: messages[0]!.message.id,
        reason: 'Request timed out after 1000 ms: slow',
      },
    })
    expect(handlerSignal?.aborted).toBe(true)
  })

  it('waits 60 seconds by default', async () => {
    const { client, server } = createLinkedPeers()
    server.setRequestHandler('slow', () => new Promise(() => undefined))
    const outcome = client.request('slow').catch((e: unknown) => e as LocalError)
    await vi.advanceTimersByTimeAsync(59_999)
    await vi.advanceTimersByTimeAsync(1)
    await expect(outcome).resolves.toMatchObject({
      message: 'Request timed out after 60000 ms: slow',
    })
  })

  it('uses the peer’s defaultTimeout', async () => {
    const { client, server } = createLinkedPeers({ client: { defaultTimeout: 50 } })
    server.setRequestHandler('slow', () => new Promise(() => undefined))
    const outcome = client.request('slow').catch((e: unknown) => e as LocalError)
    await vi.advanceTimersByTimeAsync(50)
    await expect(outcome).resolves.toMatchObject({ type: 'timeout' })
  })

  it('restarts the timeout on every progress notification', async () => {
    const { client } = progressingServer(800, 5)
    const onProgress = vi.fn()
    const call = client.request('work', {}, { timeout: 1000, onProgress })
    await vi.advanceTimersByTimeAsync(4000)
    await expect(call).resolves.toEqual({ done: true })
    expect(onProgress.mock.calls.map(([p]) => p)).toEqual([
      { progress: 1, total: 5 },
      { progress: 2, total: 5 },
      { progress: 3, total: 5 },
      { progress: 4, total: 5 },
      { progress: 5, total: 5 },
    ])
  })

  it('keeps the timeout running with resetTimeoutOnProgress: false', async () => {
    const { client } = progressingServer(800, 5)
    const outcome = client
      .request(
        'work',
        {},
        { timeout: 1000, onProgress: () => undefined, resetTimeoutOnProgress: false },
      )
      .catch((e: unknown) => e as LocalError)
    await vi.advanceTimersByTimeAsync(1000)
    await expect(outcome).resolves.toMatchObject({ type: 'timeout' })
  })

  it('caps the total time with maxTotalTimeout, progress or not', async () => {
    const { client } = progressingServer(800, 5)
    const outcome = client
      .request('work', {}, { timeout: 1000, maxTotalTimeout: 2000, onProgress: () => undefined })
      .catch((e: unknown) => e as LocalError)
    await vi.advanceTimersByTimeAsync(2000)
    await expect(outcome).resolves.toMatchObject({
      type: 'timeout',
      message: 'Request exceeded its maximum total time of 2000 ms: work',
    })
  })

  it('never times out with timeout: Infinity', async () => {
    const { client, server } = createLinkedPeers()
    const answer = deferred<Record<string, unknown>>()
    server.setRequestHandler('slow', () => answer.promise)
    const call = client.request('slow', {}, { timeout: Infinity })
    await vi.advanceTimersByTimeAsync(10 * 24 * 3600 * 1000)
    answer.resolve({ ok: true })
    await expect(call).resolves.toEqual({ ok: true })
  })

  it('ignores a response that arrives after the timeout', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ client: { onError }, server: { onError } })
    server.setRequestHandler('slow', async () => {
      await new Promise((resolve) => setTimeout(resolve, 2000))
      return {}
    })
    const outcome = client.request('slow', {}, { timeout: 1000 }).catch((e: unknown) => e)
    await vi.advanceTimersByTimeAsync(3000)
    await expect(outcome).resolves.toBeInstanceOf(LocalError)
    expect(onError).not.toHaveBeenCalled()
  })
})

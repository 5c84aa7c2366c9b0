import { describe, expect, it, vi } from 'vitest'
import { LocalError } from '../errors/local-error.js'
import type { JSONRPCMessage } from '../jsonrpc/messages.js'
import { createLinkedPeers } from './linked-peers.js'
import { Peer } from './peer.js'
import type { MessageRoute, RequestContext } from './types.js'

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

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

/** A handler that waits until its request is aborted, then records the reason. */
function waitForAbort(seen: { signal?: AbortSignal; reason?: unknown }) {
  return (_params: unknown, context: RequestContext) =>
    new Promise<Record<string, unknown>>((resolve) => {
      seen.signal = context.signal
      context.signal.addEventListener('abort', () => {
        seen.reason = context.signal.reason
        // A handler that ignores its signal and answers anyway: the answer must be dropped.
        resolve({ late: true })
      })
    })
}

describe('cancellation', () => {
  it('aborts a request from the client: rejects it, tells the server, and gets no response', async () => {
    const { client, server, messages } = createLinkedPeers()
    const seen: { signal?: AbortSignal; reason?: unknown } = {}
    server.setRequestHandler('tools/call', waitForAbort(seen))
    const controller = new AbortController()
    const call = client.request('tools/call', { name: 'x' }, { signal: controller.signal })
    await flush()
    controller.abort('User pressed stop')
    const error = await call.catch((e: unknown) => e as LocalError)
    expect(error).toBeInstanceOf(LocalError)
    expect(error).toMatchObject({ type: 'aborted', message: 'Request aborted: tools/call' })
    await flush()
    const requestId = messages[0]!.message.id
    expect(messages[1]!.message).toEqual({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId, reason: 'User pressed stop' },
    })
    expect(seen.signal?.aborted).toBe(true)
    expect((seen.reason as LocalError).message).toBe(
      'Request cancelled (User pressed stop): tools/call',
    )
    expect(messages.filter((m) => m.from === 'server')).toEqual([])
  })

  it('gives a handler that looks at its signal only after the cancellation an aborted signal', async () => {
    const { client, server, messages } = createLinkedPeers()
    const gate = deferred<void>()
    const seen: { aborted?: boolean; reason?: unknown } = {}
    server.setRequestHandler('tools/call', async (_params, context) => {
      await gate.promise
      seen.aborted = context.signal.aborted
      seen.reason = context.signal.reason
      return { late: true }
    })
    const controller = new AbortController()
    const call = client.request('tools/call', { name: 'x' }, { signal: controller.signal })
    call.catch(() => undefined)
    await flush()
    controller.abort('stop')
    await flush()
    gate.resolve()
    await flush()
    expect(seen.aborted).toBe(true)
    expect((seen.reason as LocalError).message).toBe('Request cancelled (stop): tools/call')
    expect(messages.filter((m) => m.from === 'server')).toEqual([])
  })

  it('aborts a request from the server the same way', async () => {
    const { client, server, messages } = createLinkedPeers()
    const seen: { signal?: AbortSignal } = {}
    client.setRequestHandler('elicitation/create', waitForAbort(seen))
    const controller = new AbortController()
    const call = server.request(
      'elicitation/create',
      { message: 'Name?' },
      { signal: controller.signal },
    )
    await flush()
    controller.abort()
    await expect(call).rejects.toMatchObject({ type: 'aborted' })
    await flush()
    expect(seen.signal?.aborted).toBe(true)
    expect(messages.map((m) => m.from)).toEqual(['server', 'server'])
  })

  it('rejects at once, sending nothing, when the signal is already aborted', async () => {
    const { client, messages } = createLinkedPeers()
    await expect(client.request('ping', {}, { signal: AbortSignal.abort() })).rejects.toMatchObject(
      {
        type: 'aborted',
      },
    )
    expect(messages).toEqual([])
  })

  it('aborts the requests a handler made when its own request is cancelled', async () => {
    const { client, server } = createLinkedPeers()
    const nested: { signal?: AbortSignal } = {}
    client.setRequestHandler('sampling/createMessage', waitForAbort(nested))
    server.setRequestHandler('tools/call', async (_params, context) => {
      await context.request('sampling/createMessage', { messages: [] })
      return {}
    })
    const controller = new AbortController()
    const call = client.request('tools/call', { name: 'x' }, { signal: controller.signal })
    await flush()
    controller.abort()
    await call.catch(() => undefined)
    await flush()
    expect(nested.signal?.aborted).toBe(true)
  })

  it('never cancels initialize', async () => {
    const { client, server, messages } = createLinkedPeers()
    const answer = deferred<Record<string, unknown>>()
    server.setRequestHandler('initialize', () => answer.promise)
    const controller = new AbortController()
    const call = client.request('initialize', {}, { signal: controller.signal })
    await flush()
    controller.abort()
    await expect(call).rejects.toMatchObject({ type: 'aborted' })
    // Even a peer that sends the cancellation does not stop initialize.
    server.receive({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: messages[0]!.message.id },
    })
    answer.resolve({ ok: 1 })
    await flush()
    expect(messages.map((m) => m.message.method ?? 'response')).toEqual(['initialize', 'response'])
  })

  it('ignores a cancellation for an unknown or malformed request', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ server: { onError } })
    server.setRequestHandler('ping', () => ({}))
    await client.notify('notifications/cancelled', { requestId: 12345 })
    await client.notify('notifications/cancelled', { reason: 'no id' })
    await flush()
    await expect(client.request('ping')).resolves.toEqual({})
    expect(onError).not.toHaveBeenCalled()
  })

  it('ignores a response that arrives after the request was aborted', () => {
    const onError = vi.fn()
    const sent: JSONRPCMessage[] = []
    const peer = new Peer({ send: (m) => void sent.push(m), onError })
    const controller = new AbortController()
    peer.request('tools/call', {}, { signal: controller.signal }).catch(() => undefined)
    controller.abort()
    peer.receive({ jsonrpc: '2.0', id: sent[0]!.id as number, result: {} })
    expect(onError).not.toHaveBeenCalled()
  })

  it('lets the transport cancel a request with abort(), as when its HTTP stream closed', async () => {
    const sent: JSONRPCMessage[] = []
    const peer = new Peer({ send: (m) => void sent.push(m) })
    const seen: { signal?: AbortSignal; reason?: unknown } = {}
    peer.setRequestHandler('tools/call', waitForAbort(seen))
    peer.receive({ jsonrpc: '2.0', id: 'r1', method: 'tools/call', params: { name: 'x' } })
    await flush()
    peer.abort('r1', 'stream closed')
    await flush()
    expect(seen.signal?.aborted).toBe(true)
    expect((seen.reason as LocalError).type).toBe('aborted')
    expect(sent).toEqual([])
  })

  it('leaves cancellation to the transport with notifyCancellation: false', async () => {
    const sent: { message: JSONRPCMessage; route: MessageRoute }[] = []
    const peer = new Peer({
      notifyCancellation: false,
      send: (message, route) => void sent.push({ message, route }),
    })
    const controller = new AbortController()
    const call = peer.request('tools/call', {}, { signal: controller.signal })
    const routeSignal = sent[0]!.route.signal!
    expect(routeSignal.aborted).toBe(false)
    controller.abort()
    await expect(call).rejects.toMatchObject({ type: 'aborted' })
    expect(routeSignal.aborted).toBe(true)
    expect(sent).toHaveLength(1)
  })
})

describe('progress', () => {
  it('asks for progress with a token, keeping the caller’s _meta and params untouched', async () => {
    const { client, server, messages } = createLinkedPeers()
    server.setRequestHandler('work', async (_params, context) => {
      await context.sendProgress({ progress: 1, total: 2, message: 'half way' })
      return { meta: context.meta ?? null }
    })
    const params = { _meta: { trace: 't' } }
    const onProgress = vi.fn()
    const result = await client.request('work', params, { onProgress })
    const id = messages[0]!.message.id
    expect(result).toEqual({ meta: { trace: 't', progressToken: id } })
    expect(params).toEqual({ _meta: { trace: 't' } })
    expect(onProgress).toHaveBeenCalledWith({ progress: 1, total: 2, message: 'half way' })
  })

  it('sends no progress when the request carried no token', async () => {
    const { client, server, messages } = createLinkedPeers()
    server.setRequestHandler('work', async (_params, context) => {
      await context.sendProgress({ progress: 1 })
      return {}
    })
    await client.request('work')
    expect(messages.map((m) => m.message.method ?? 'response')).toEqual(['work', 'response'])
  })

  it('reports progress for a token that was never issued', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ client: { onError } })
    await server.notify('notifications/progress', { progressToken: 'nope', progress: 1 })
    await flush()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ type: 'protocol' }))
    expect(client.closed).toBe(false)
  })
})

describe('close', () => {
  it('rejects requests in flight and aborts running handlers', async () => {
    const { client, server, messages } = createLinkedPeers()
    const seen: { signal?: AbortSignal; reason?: unknown } = {}
    server.setRequestHandler('tools/call', waitForAbort(seen))
    const calls = [
      client.request('tools/call', { name: 'a' }).catch((e: unknown) => e as LocalError),
      client.request('tools/call', { name: 'b' }).catch((e: unknown) => e as LocalError),
    ]
    await flush()
    client.close('transport ended')
    server.close()
    const errors = await Promise.all(calls)
    expect(errors.map((e) => [e.type, e.message])).toEqual([
      ['closed', 'Connection closed (transport ended): tools/call'],
      ['closed', 'Connection closed (transport ended): tools/call'],
    ])
    expect((seen.reason as LocalError).type).toBe('closed')
    await flush()
    expect(messages.filter((m) => m.from === 'server')).toEqual([])
  })

  it('refuses new requests and notifications, and ignores what arrives', async () => {
    const onError = vi.fn()
    const sent: JSONRPCMessage[] = []
    const peer = new Peer({ send: (m) => void sent.push(m), onError })
    peer.setRequestHandler('ping', () => ({}))
    peer.close()
    expect(peer.closed).toBe(true)
    await expect(peer.request('ping')).rejects.toMatchObject({
      type: 'closed',
      message: 'Connection closed: ping',
    })
    await expect(peer.notify('notifications/initialized')).rejects.toMatchObject({ type: 'closed' })
    peer.receive({ jsonrpc: '2.0', id: 1, method: 'ping' })
    await flush()
    expect(sent).toEqual([])
    expect(onError).not.toHaveBeenCalled()
  })

  it('names the reason it was closed for in what it refuses later', async () => {
    const peer = new Peer({ send: () => undefined })
    peer.close('session expired')
    await expect(peer.request('ping')).rejects.toMatchObject({
      type: 'closed',
      message: 'Connection closed (session expired): ping',
    })
    await expect(peer.notify('notifications/progress')).rejects.toMatchObject({
      message: 'Connection closed (session expired): notifications/progress',
    })
  })

  it('reports a handler that fails after close', async () => {
    const onError = vi.fn()
    const peer = new Peer({ send: () => undefined, onError })
    const answer = deferred<Record<string, unknown>>()
    peer.setRequestHandler('work', () => answer.promise)
    peer.receive({ jsonrpc: '2.0', id: 1, method: 'work' })
    await flush()
    peer.close()
    answer.reject(new Error('disk full'))
    await flush()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'disk full' }))
  })
})

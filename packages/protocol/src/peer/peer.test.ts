import fc from 'fast-check'
import { z } from 'zod'
import { describe, expect, it, vi } from 'vitest'
import { ErrorCode } from '../errors/error-code.js'
import { LocalError } from '../errors/local-error.js'
import { McpError } from '../errors/mcp-error.js'
import type { JSONRPCMessage } from '../jsonrpc/messages.js'
import { createLinkedPeers } from './linked-peers.js'
import { Peer } from './peer.js'
import type { MessageRoute, PeerMethodTable } from './types.js'

/** A peer whose outgoing messages are collected instead of delivered. */
function recordingPeer(options: Partial<ConstructorParameters<typeof Peer>[0]> = {}) {
  const sent: { message: JSONRPCMessage; route: MessageRoute }[] = []
  const peer = new Peer({
    ...options,
    send: (message, route) => {
      sent.push({ message, route })
    },
  })
  return { peer, sent }
}

/** Lets every queued microtask and promise callback run. */
const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

const methods: PeerMethodTable = {
  clientRequests: {
    'tools/call': {
      params: z.looseObject({
        name: z.string(),
        arguments: z.looseObject({ city: z.string() }).optional(),
      }),
      result: z.looseObject({ content: z.array(z.looseObject({ type: z.string() })) }),
    },
  },
  serverRequests: {},
  clientNotifications: {
    'notifications/roots/list_changed': z.looseObject({ _meta: z.looseObject({}) }).optional(),
    'notifications/message': z.looseObject({ level: z.string() }),
  },
  serverNotifications: {},
}

describe('requests and responses', () => {
  it('calls the handler with the params and resolves with its result', async () => {
    const { client, server } = createLinkedPeers()
    server.setRequestHandler('tools/call', (params, context) => ({
      content: [{ type: 'text', text: `hello ${String(params.name)} from ${context.method}` }],
    }))
    await expect(client.request('tools/call', { name: 'ada' })).resolves.toEqual({
      content: [{ type: 'text', text: 'hello ada from tools/call' }],
    })
  })

  it('numbers requests and matches replies that come back in any order', async () => {
    const { client, server, messages } = createLinkedPeers()
    const gates = new Map<number, () => void>()
    server.setRequestHandler('echo', async (params) => {
      const n = params.n as number
      await new Promise<void>((resolve) => gates.set(n, resolve))
      return { n }
    })
    const calls = [1, 2, 3, 4].map((n) => client.request('echo', { n }))
    await flush()
    for (const n of [3, 1, 4, 2]) {
      gates.get(n)!()
      await flush()
    }
    await expect(Promise.all(calls)).resolves.toEqual([{ n: 1 }, { n: 2 }, { n: 3 }, { n: 4 }])
    const ids = messages.filter((m) => m.from === 'client').map((m) => m.message.id)
    expect(new Set(ids).size).toBe(4)
    const replies = messages.filter((m) => m.from === 'server').map((m) => m.message.id)
    expect(replies).toEqual([ids[2], ids[0], ids[3], ids[1]])
  })

  it('sends a response on the route of the request it answers', async () => {
    const { client, server, messages } = createLinkedPeers()
    server.setRequestHandler('ping', () => ({}))
    await client.request('ping')
    const [request, response] = messages
    expect(response!.route.relatedRequestId).toBe(request!.message.id)
  })

  it('answers an unknown method with -32601', async () => {
    const { client } = createLinkedPeers()
    const error: unknown = await client.request('tools/dance').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    expect(error).toMatchObject({ code: -32601, message: 'Method not found: tools/dance' })
  })

  it('stops answering a method whose handler was removed', async () => {
    const { client, server } = createLinkedPeers()
    server.setRequestHandler('ping', () => ({}))
    server.removeRequestHandler('ping')
    await expect(client.request('ping')).rejects.toMatchObject({ code: ErrorCode.MethodNotFound })
  })

  it('answers params that fail the method table with -32602 naming the failing paths', async () => {
    const { client, server } = createLinkedPeers()
    server.setMethods(methods)
    const handler = vi.fn(() => ({ content: [] }))
    server.setRequestHandler('tools/call', handler)
    const error = await client
      .request('tools/call', { name: 7, arguments: { city: false } })
      .catch((e: unknown) => e as McpError)
    expect(error).toBeInstanceOf(McpError)
    expect(error.code).toBe(-32602)
    expect(error.message).toMatch(/^Invalid params for tools\/call: /)
    expect(error.message).toContain('name: ')
    expect(error.message).toContain('arguments.city: ')
    expect(handler).not.toHaveBeenCalled()
  })

  it('does not take inherited properties for methods', async () => {
    const { client, server } = createLinkedPeers()
    server.setMethods(methods)
    await expect(client.request('toString')).rejects.toMatchObject({ code: -32601 })
  })

  it('rejects a result that fails the method table as a protocol error', async () => {
    const { client, server } = createLinkedPeers()
    client.setMethods(methods)
    server.setRequestHandler('tools/call', () => ({ content: 'not a list' }))
    const error = await client
      .request('tools/call', { name: 'x' })
      .catch((e: unknown) => e as LocalError)
    expect(error).toBeInstanceOf(LocalError)
    expect(error.type).toBe('protocol')
    expect(error.message).toMatch(/^Invalid result for tools\/call: content: /)
  })

  it('validates the result with resultSchema and types it', async () => {
    const { client, server } = createLinkedPeers()
    server.setRequestHandler('sum', (params) => ({
      total: (params.a as number) + (params.b as number),
    }))
    const result = await client.request(
      'sum',
      { a: 2, b: 3 },
      { resultSchema: z.object({ total: z.number() }) },
    )
    expect(result.total).toBe(5)
    await expect(
      client.request('sum', { a: 1, b: 1 }, { resultSchema: z.object({ total: z.string() }) }),
    ).rejects.toMatchObject({ type: 'protocol' })
  })

  it('sends a handler throw as -32603 without leaking it, and reports it through onError', async () => {
    const onError = vi.fn()
    const { client, server, messages } = createLinkedPeers({ server: { onError } })
    server.setRequestHandler('tools/call', () => {
      throw new Error('connect ECONNREFUSED 10.0.0.5:5432 password=hunter2')
    })
    const error = await client.request('tools/call', { name: 'x' }).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: -32603, message: 'Internal error' })
    expect(JSON.stringify(messages)).not.toContain('hunter2')
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: expect.stringContaining('hunter2') }),
    )
  })

  it('sends an McpError from a handler with its code, message and data', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ server: { onError } })
    server.setRequestHandler('resources/read', () => {
      throw new McpError(ErrorCode.ResourceNotFound, 'Resource not found', {
        data: { uri: 'file:///nope' },
      })
    })
    const error = await client
      .request('resources/read', { uri: 'file:///nope' })
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(McpError)
    expect(error).toMatchObject({
      code: -32002,
      message: 'Resource not found',
      data: { uri: 'file:///nope' },
    })
    expect(onError).not.toHaveBeenCalled()
  })

  it('answers a handler that returns no object with -32603', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ server: { onError } })
    server.setRequestHandler('broken', () => undefined as never)
    await expect(client.request('broken')).rejects.toMatchObject({ code: -32603 })
    expect(onError).toHaveBeenCalledOnce()
  })

  it('says what a handler returned instead of a result object', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ server: { onError } })
    server.setRequestHandler('null', () => null as never)
    server.setRequestHandler('list', () => [] as never)
    await expect(client.request('null')).rejects.toMatchObject({ code: -32603 })
    await expect(client.request('list')).rejects.toMatchObject({ code: -32603 })
    expect(onError.mock.calls.map(([error]) => (error as Error).message)).toEqual([
      'The handler of null returned null, not a result object',
      'The handler of list returned an array, not a result object',
    ])
  })

  it('rejects a request whose send fails with that error', async () => {
    const failure = new LocalError('network', 'POST http://localhost/mcp failed')
    const peer = new Peer({ send: () => Promise.reject(failure) })
    await expect(peer.request('ping')).rejects.toBe(failure)
  })

  it('hands handlers what the transport passed to receive()', async () => {
    const sent: JSONRPCMessage[] = []
    const peer = new Peer<{ user: string }>({ send: (message) => void sent.push(message) })
    peer.setRequestHandler('whoami', (_params, context) => ({ user: context.extra.user }))
    peer.receive({ jsonrpc: '2.0', id: 'w', method: 'whoami' }, { user: 'ada' })
    await flush()
    expect(sent).toEqual([{ jsonrpc: '2.0', id: 'w', result: { user: 'ada' } }])
  })

  it('lets a handler send requests and notifications that belong to its request', async () => {
    const { client, server, messages } = createLinkedPeers()
    client.setRequestHandler('sampling/createMessage', () => ({ text: 'a haiku' }))
    const logged = vi.fn()
    client.setNotificationHandler('notifications/message', logged)
    server.setRequestHandler('tools/call', async (_params, context) => {
      await context.notify('notifications/message', { level: 'info', data: 'asking' })
      const sample = await context.request('sampling/createMessage', { messages: [] })
      return { content: [{ type: 'text', text: String(sample.text) }] }
    })
    await expect(client.request('tools/call', { name: 'poet' })).resolves.toEqual({
      content: [{ type: 'text', text: 'a haiku' }],
    })
    expect(logged).toHaveBeenCalledWith(
      { level: 'info', data: 'asking' },
      expect.objectContaining({ method: 'notifications/message' }),
    )
    const callId = messages[0]!.message.id
    const fromServer = messages.filter((m) => m.from === 'server')
    expect(fromServer.map((m) => m.route.relatedRequestId)).toEqual([callId, callId, callId])
  })
})

describe('notifications', () => {
  it('calls the handler with params, meta and extra', async () => {
    const { client, server } = createLinkedPeers()
    const handler = vi.fn()
    server.setNotificationHandler('notifications/initialized', handler)
    await client.notify('notifications/initialized', { _meta: { trace: 't1' } })
    await flush()
    expect(handler).toHaveBeenCalledWith(
      { _meta: { trace: 't1' } },
      { method: 'notifications/initialized', meta: { trace: 't1' }, extra: undefined },
    )
  })

  it('passes a notification with no handler to onUnhandledNotification', async () => {
    const onUnhandledNotification = vi.fn()
    const { client } = createLinkedPeers({ server: { onUnhandledNotification } })
    await client.notify('notifications/custom', { x: 1 })
    await flush()
    expect(onUnhandledNotification).toHaveBeenCalledWith(
      { jsonrpc: '2.0', method: 'notifications/custom', params: { x: 1 } },
      undefined,
    )
  })

  it('reports params that fail the method table and skips the handler', async () => {
    const onError = vi.fn()
    const { client, server, messages } = createLinkedPeers({ server: { onError } })
    server.setMethods(methods)
    const handler = vi.fn()
    server.setNotificationHandler('notifications/message', handler)
    await client.notify('notifications/message', { level: 3 })
    await flush()
    expect(handler).not.toHaveBeenCalled()
    expect(onError.mock.calls[0]![0]).toMatchObject({
      type: 'protocol',
      message: expect.stringMatching(/^Invalid params for notifications\/message: level: /),
    })
    expect(messages).toHaveLength(1)
  })

  it('reports a notification handler that throws', async () => {
    const onError = vi.fn()
    const { client, server } = createLinkedPeers({ server: { onError } })
    server.setNotificationHandler('notifications/initialized', () =>
      Promise.reject(new Error('boom')),
    )
    await client.notify('notifications/initialized')
    await flush()
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: 'boom' }))
  })
})

describe('what arrives from the network', () => {
  it('answers a message that is not JSON-RPC with -32600, keeping its id', async () => {
    const { peer, sent } = recordingPeer()
    peer.receive({ jsonrpc: '1.0', id: 3, method: 'ping' })
    peer.receive('hello')
    await flush()
    expect(sent.map((s) => s.message)).toEqual([
      {
        jsonrpc: '2.0',
        id: 3,
        error: { code: -32600, message: 'Invalid Request: "jsonrpc" must be "2.0"' },
      },
      {
        jsonrpc: '2.0',
        error: { code: -32600, message: 'Invalid Request: a JSON-RPC message must be an object' },
      },
    ])
  })

  it('reports an invalid response instead of answering it', async () => {
    const onError = vi.fn()
    const { peer, sent } = recordingPeer({ onError })
    peer.receive({ jsonrpc: '2.0', id: null, error: { code: -32700, message: 'Parse error' } })
    await flush()
    expect(sent).toEqual([])
    expect(onError).toHaveBeenCalledOnce()
  })

  it('reports a response to an unknown id', () => {
    const onError = vi.fn()
    const { peer } = recordingPeer({ onError })
    peer.receive({ jsonrpc: '2.0', id: 99, result: {} })
    peer.receive({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' } })
    expect(onError.mock.calls.map(([e]) => (e as LocalError).message)).toEqual([
      'Received a response for unknown request id 99',
      'Received an error response without a request id: -32700 Parse error',
    ])
  })

  it('answers a request id that is already running with -32600', async () => {
    const { peer, sent } = recordingPeer()
    peer.setRequestHandler('slow', () => new Promise(() => undefined))
    peer.receive({ jsonrpc: '2.0', id: 1, method: 'slow' })
    peer.receive({ jsonrpc: '2.0', id: 1, method: 'slow' })
    await flush()
    expect(sent.map((s) => s.message)).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32600, message: 'Invalid Request: request id 1 is already in use' },
      },
    ])
  })

  it('never throws, whatever arrives, and answers at most once per message', async () => {
    const sends: JSONRPCMessage[] = []
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (value) => {
        sends.length = 0
        const peer = new Peer({
          send: (message) => void sends.push(message),
          onError: () => undefined,
        })
        peer.setRequestHandler('ping', () => ({}))
        expect(() => {
          peer.receive(value)
        }).not.toThrow()
        await flush()
        expect(sends.length).toBeLessThanOrEqual(1)
      }),
      { numRuns: 200 },
    )
  })

  it('survives an onError that throws', () => {
    const { peer } = recordingPeer({
      onError: () => {
        throw new Error('logger down')
      },
    })
    expect(() => {
      peer.receive({ jsonrpc: '2.0', id: 5, result: {} })
    }).not.toThrow()
  })
})

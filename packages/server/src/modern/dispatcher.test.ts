import { ErrorCode, McpError, v2026_07_28 } from '@mcp-sse/protocol'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { MemoryMessageBus, channels } from '../state/message-bus.js'
import type { ServerCapabilities } from '../types.js'
import { SseReader } from './__fixtures__/sse.js'
import { clientMeta, modernRequest, readReply } from './__fixtures__/requests.js'
import { ModernDispatcher, isModernRequest, type ModernDispatcherOptions } from './dispatcher.js'
import type { ModernInvoker } from './invoker.js'

const KEY = 's'.repeat(32)
const serverInfo = { name: 'fake', version: '0.1.0' }
const capabilities: ServerCapabilities = {
  tools: { listChanged: true },
  resources: { subscribe: true, listChanged: true },
  logging: {},
}
const ask = {
  message: 'Name?',
  requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
}
const sqlSchema = {
  type: 'object',
  properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
}

/** A minimal stand-in for the era-neutral handlers. */
interface Observed {
  cancelled?: Promise<unknown>
  started?: () => void
}

function fakeInvoker(observed: Observed = {}): ModernInvoker {
  return async (method, params, ctx) => {
    if (method === 'tools/list') {
      return { tools: [{ name: 'echo', inputSchema: { type: 'object' } }] }
    }
    if (method === 'resources/read') {
      throw new McpError(ErrorCode.ResourceNotFound, `Resource not found: ${String(params.uri)}`, {
        data: { uri: params.uri },
      })
    }
    const args = (params.arguments ?? {}) as Record<string, unknown>
    switch (params.name) {
      case 'echo':
        return { content: [{ type: 'text', text: String(args.text) }] }
      case 'ask': {
        const answer = await ctx.request<{ content: { name: string } }>('elicitation/create', ask, {
          key: 'user_name',
        })
        return { content: [{ type: 'text', text: `Hello, ${answer.content.name}!` }] }
      }
      case 'sample':
        await ctx.request('sampling/createMessage', { messages: [], maxTokens: 5 })
        return { content: [] }
      case 'progress':
        await ctx.sendProgress({ progress: 1, total: 2 })
        await ctx.sendProgress({ progress: 2, total: 2 })
        return { content: [{ type: 'text', text: 'done' }] }
      case 'logs':
        for (const level of ['debug', 'info', 'warning', 'error']) {
          await ctx.notify('notifications/message', { level, data: level })
        }
        return { content: [{ type: 'text', text: 'logged' }] }
      case 'wait':
        await ctx.sendProgress({ progress: 0 })
        observed.cancelled = new Promise((resolve) => {
          if (ctx.signal.aborted) resolve(ctx.signal.reason)
          ctx.signal.addEventListener('abort', () => {
            resolve(ctx.signal.reason)
          })
        })
        observed.started?.()
        await observed.cancelled
        return { content: [] }
      case 'execute_sql':
        return { content: [{ type: 'text', text: 'ok' }] }
      case 'crash':
        throw new TypeError('secret detail')
      default:
        throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${String(params.name)}`)
    }
  }
}

function dispatcher(options: Partial<ModernDispatcherOptions> = {}): ModernDispatcher {
  return new ModernDispatcher({
    serverInfo,
    instructions: 'Be kind.',
    capabilities: () => capabilities,
    invoke: fakeInvoker(),
    bus: new MemoryMessageBus(),
    requestState: { keys: [KEY] },
    toolInputSchema: (name) => (name === 'execute_sql' ? sqlSchema : undefined),
    ...options,
  })
}

async function send(target: ModernDispatcher, ...args: Parameters<typeof modernRequest>) {
  return readReply(await target.handle(modernRequest(...args)))
}

describe('ModernDispatcher', () => {
  it('answers server/discover with versions, capabilities, identity and a caching hint', async () => {
    const target = dispatcher({
      caching: { methods: { 'server/discover': { ttlMs: 60_000, cacheScope: 'public' } } },
    })
    const reply = await send(target, 'server/discover', {}, { id: 'd-1' })
    expect(reply.status).toBe(200)
    const response = v2026_07_28.DiscoverResultResponseSchema.parse(reply.last)
    expect(response.id).toBe('d-1')
    expect(response.result).toMatchObject({
      resultType: 'complete',
      supportedVersions: expect.arrayContaining(['2026-07-28', '2025-11-25']) as unknown,
      capabilities,
      instructions: 'Be kind.',
      ttlMs: 60_000,
      cacheScope: 'public',
      _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo },
    })
  })

  it('puts resultType, serverInfo and caching hints on list results', async () => {
    const reply = await send(dispatcher(), 'tools/list')
    const response = v2026_07_28.ListToolsResultResponseSchema.parse(reply.last)
    expect(response.result).toMatchObject({
      resultType: 'complete',
      ttlMs: 0,
      cacheScope: 'private',
    })
    expect(response.result._meta?.['io.modelcontextprotocol/serverInfo']).toEqual(serverInfo)
  })

  it('answers a tool call with one JSON body and no caching hints', async () => {
    const reply = await send(dispatcher(), 'tools/call', {
      name: 'echo',
      arguments: { text: 'hi' },
    })
    expect(reply.type).toBe('application/json')
    const response = v2026_07_28.CallToolResultResponseSchema.parse(reply.last)
    expect(response.result).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'hi' }],
    })
    expect(response.result).not.toHaveProperty('ttlMs')
  })

  it('rejects malformed metadata with 400 -32602, keeping the request id', async () => {
    const target = dispatcher()
    const request = modernRequest('server/discover', {}, { id: 101 })
    request.message = { jsonrpc: '2.0', id: 101, method: 'server/discover', params: {} }
    const reply = await readReply(await target.handle(request))
    expect(reply.status).toBe(400)
    expect(reply.last).toMatchObject({ id: 101, error: { code: ErrorCode.InvalidParams } })
    const noCapabilities = await send(
      target,
      'server/discover',
      {},
      {
        id: 104,
        meta: { 'io.modelcontextprotocol/clientCapabilities': undefined },
      },
    )
    expect(noCapabilities.status).toBe(400)
    expect(noCapabilities.last).toMatchObject({ id: 104, error: { code: ErrorCode.InvalidParams } })
  })

  it('rejects header mismatches with 400 -32020', async () => {
    const target = dispatcher()
    const cases: Record<string, string | null>[] = [
      { 'MCP-Protocol-Version': null },
      { 'Mcp-Method': 'prompts/list' },
      { 'Mcp-Method': null },
    ]
    for (const headers of cases) {
      const reply = await send(target, 'tools/list', {}, { headers })
      expect(reply.status).toBe(400)
      expect(reply.last).toMatchObject({ error: { code: ErrorCode.HeaderMismatch } })
    }
    const name = await send(
      target,
      'tools/call',
      { name: 'echo', arguments: {} },
      { headers: { 'Mcp-Name': 'other' } },
    )
    expect(name.last).toMatchObject({ error: { code: ErrorCode.HeaderMismatch } })
    const param = await send(
      target,
      'tools/call',
      { name: 'execute_sql', arguments: { region: 'us' } },
      {
        headers: { 'Mcp-Param-Region': 'eu' },
      },
    )
    expect(param.status).toBe(400)
    expect(param.last).toMatchObject({ error: { code: ErrorCode.HeaderMismatch } })
    const good = await send(
      target,
      'tools/call',
      { name: 'execute_sql', arguments: { region: 'us' } },
      {
        headers: { 'Mcp-Param-Region': 'us' },
      },
    )
    expect(good.status).toBe(200)
  })

  it('rejects an unsupported version with 400 -32022 listing the supported ones', async () => {
    const reply = await send(
      dispatcher(),
      'server/discover',
      {},
      {
        id: 301,
        meta: { 'io.modelcontextprotocol/protocolVersion': 'v999.0.0' },
        headers: { 'MCP-Protocol-Version': 'v999.0.0' },
      },
    )
    expect(reply.status).toBe(400)
    expect(reply.last).toMatchObject({
      id: 301,
      error: {
        code: ErrorCode.UnsupportedProtocolVersion,
        data: {
          requested: 'v999.0.0',
          supported: expect.arrayContaining(['2026-07-28']) as unknown,
        },
      },
    })
  })

  it('answers 404 -32601 for removed, unknown and unavailable methods', async () => {
    const target = dispatcher({ capabilities: () => ({ tools: {} }) })
    for (const method of [
      'initialize',
      'ping',
      'logging/setLevel',
      'resources/subscribe',
      'unknown/method',
      'prompts/list',
    ]) {
      const reply = await send(target, method, {}, { id: 500 })
      expect(reply.status, method).toBe(404)
      expect(reply.last).toMatchObject({ id: 500, error: { code: ErrorCode.MethodNotFound } })
    }
  })

  it('rejects params that fail the 2026-07-28 schema with 400 -32602', async () => {
    const reply = await send(dispatcher(), 'tools/call', { arguments: {} })
    expect(reply.status).toBe(400)
    expect(reply.last).toMatchObject({ error: { code: ErrorCode.InvalidParams } })
    const badResponses = await send(dispatcher(), 'tools/call', {
      name: 'ask',
      arguments: {},
      inputResponses: null,
    })
    expect(badResponses.status).toBe(400)
  })

  it('runs a multi round-trip tool call: input_required, then the retry completes', async () => {
    const target = dispatcher()
    const first = await send(
      target,
      'tools/call',
      { name: 'ask', arguments: {} },
      { capabilities: { elicitation: {} } },
    )
    expect(first.status).toBe(200)
    const interim = v2026_07_28.CallToolResultResponseSchema.parse(first.last).result
    expect(interim).toMatchObject({
      resultType: 'input_required',
      inputRequests: { user_name: { method: 'elicitation/create', params: ask } },
      _meta: { 'io.modelcontextprotocol/serverInfo': serverInfo },
    })
    expect(interim).not.toHaveProperty('ttlMs')
    const requestState = (interim as { requestState: string }).requestState
    const retry = await send(
      target,
      'tools/call',
      {
        name: 'ask',
        arguments: {},
        inputResponses: { user_name: { action: 'accept', content: { name: 'Alice' } } },
        requestState,
      },
      { capabilities: { elicitation: {} } },
    )
    expect(retry.last).toMatchObject({
      result: { resultType: 'complete', content: [{ type: 'text', text: 'Hello, Alice!' }] },
    })
  })

  it('lets another instance with the same key finish the round trip, and rejects a tampered state', async () => {
    const first = await send(
      dispatcher(),
      'tools/call',
      { name: 'ask', arguments: {} },
      { capabilities: { elicitation: {} } },
    )
    const { requestState } = (first.last as { result: { requestState: string } }).result
    const retryParams = (state: string) => ({
      name: 'ask',
      arguments: {},
      inputResponses: { user_name: { action: 'accept', content: { name: 'Bob' } } },
      requestState: state,
    })
    const elsewhere = await send(dispatcher(), 'tools/call', retryParams(requestState), {
      capabilities: { elicitation: {} },
    })
    expect(elsewhere.last).toMatchObject({ result: { content: [{ text: 'Hello, Bob!' }] } })

    const tampered = await send(
      dispatcher(),
      'tools/call',
      retryParams(`${requestState}-TAMPERED`),
      {
        capabilities: { elicitation: {} },
      },
    )
    expect(tampered.last).toMatchObject({ error: { code: ErrorCode.InvalidParams } })
    const otherKey = dispatcher({ requestState: { keys: ['o'.repeat(32)] } })
    const foreign = await send(otherKey, 'tools/call', retryParams(requestState), {
      capabilities: { elicitation: {} },
    })
    expect(foreign.last).toMatchObject({ error: { code: ErrorCode.InvalidParams } })
  })

  it('binds the state to the identity of the requester', async () => {
    const target = dispatcher()
    const first = await send(
      target,
      'tools/call',
      { name: 'ask', arguments: {} },
      {
        capabilities: { elicitation: {} },
        identity: 'alice',
      },
    )
    const { requestState } = (first.last as { result: { requestState: string } }).result
    const stolen = await send(
      target,
      'tools/call',
      {
        name: 'ask',
        arguments: {},
        inputResponses: { user_name: { action: 'decline' } },
        requestState,
      },
      { capabilities: { elicitation: {} }, identity: 'mallory' },
    )
    expect(stolen.last).toMatchObject({
      error: { code: ErrorCode.InvalidParams, data: { reason: 'identity' } },
    })
  })

  it('answers 400 -32021 when the request lacks a client capability the handler needs', async () => {
    const reply = await send(
      dispatcher(),
      'tools/call',
      { name: 'sample', arguments: {} },
      { id: 401 },
    )
    expect(reply.status).toBe(400)
    expect(reply.last).toMatchObject({
      id: 401,
      error: {
        code: ErrorCode.MissingRequiredClientCapability,
        data: { requiredCapabilities: { sampling: {} } },
      },
    })
  })

  it('streams progress on SSE before the result when the request asked for it', async () => {
    const target = dispatcher()
    const plain = await send(target, 'tools/call', { name: 'progress', arguments: {} })
    expect(plain.type).toBe('application/json')
    const streamed = await send(
      target,
      'tools/call',
      { name: 'progress', arguments: {} },
      { meta: { progressToken: 'p' } },
    )
    expect(streamed.type).toBe('text/event-stream')
    expect(streamed.messages.map((message) => message.method ?? 'response')).toEqual([
      'notifications/progress',
      'notifications/progress',
      'response',
    ])
    expect(streamed.messages[0]).toMatchObject({
      params: { progressToken: 'p', progress: 1, total: 2 },
    })
    for (const message of streamed.messages.slice(0, 2))
      v2026_07_28.ProgressNotificationSchema.parse(message)
  })

  it('sends no log message without a log level, and filters by the level it sets', async () => {
    const target = dispatcher()
    const silent = await send(target, 'tools/call', { name: 'logs', arguments: {} })
    expect(silent.type).toBe('application/json')
    expect(silent.messages).toHaveLength(1)
    const warned = await send(
      target,
      'tools/call',
      { name: 'logs', arguments: {} },
      {
        meta: { 'io.modelcontextprotocol/logLevel': 'warning' },
      },
    )
    const levels = warned.messages.filter((message) => message.method === 'notifications/message')
    expect(levels.map((message) => (message.params as { level: string }).level)).toEqual([
      'warning',
      'error',
    ])
  })

  it('treats a closed response stream as cancellation', async () => {
    const observed: Observed = {}
    const target = dispatcher({ invoke: fakeInvoker(observed) })
    const reader = new SseReader(
      await target.handle(
        modernRequest(
          'tools/call',
          { name: 'wait', arguments: {} },
          {
            meta: { progressToken: 1 },
          },
        ),
      ),
    )
    expect(await reader.next()).toMatchObject({ method: 'notifications/progress' })
    await reader.cancel()
    expect(String(await observed.cancelled)).toMatch(/cancelled/)
  })

  it('cancels a JSON reply when the HTTP request is aborted', async () => {
    const observed: Observed = {}
    const controller = new AbortController()
    const target = dispatcher({ invoke: fakeInvoker(observed), responseMode: 'json' })
    const started = new Promise<void>((resolve) => {
      observed.started = resolve
    })
    const response = target.handle(
      modernRequest('tools/call', { name: 'wait', arguments: {} }, { signal: controller.signal }),
    )
    await started
    controller.abort()
    await response
    expect(String(await observed.cancelled)).toMatch(/cancelled/)
  })

  it('follows the response mode', async () => {
    const sse = await send(dispatcher({ responseMode: 'sse' }), 'tools/call', {
      name: 'echo',
      arguments: { text: 'x' },
    })
    expect(sse.type).toBe('text/event-stream')
    expect(sse.messages).toHaveLength(1)
    const json = await send(
      dispatcher({ responseMode: 'json' }),
      'tools/call',
      { name: 'progress', arguments: {} },
      {
        meta: { progressToken: 1 },
      },
    )
    expect(json.type).toBe('application/json')
    expect(json.messages).toHaveLength(1)
    // The app's mode for this request wins over the dispatcher's.
    const request = modernRequest('tools/call', { name: 'echo', arguments: { text: 'y' } })
    request.responseMode = 'sse'
    const perRequest = await readReply(await dispatcher().handle(request))
    expect(perRequest.type).toBe('text/event-stream')
  })

  it('reports resource not found as -32602 with the uri', async () => {
    const reply = await send(dispatcher(), 'resources/read', { uri: 'test://missing' })
    expect(reply.last).toMatchObject({
      error: { code: ErrorCode.InvalidParams, data: { uri: 'test://missing' } },
    })
  })

  it('hides what a crashing handler threw, and reports it', async () => {
    const errors: unknown[] = []
    const reply = await send(dispatcher({ onError: (error) => errors.push(error) }), 'tools/call', {
      name: 'crash',
      arguments: {},
    })
    expect(reply.last).toMatchObject({
      error: { code: ErrorCode.InternalError, message: 'Internal error' },
    })
    expect(JSON.stringify(reply.last)).not.toContain('secret')
    expect(errors).toHaveLength(1)
  })

  it('opens subscriptions/listen and ends it gracefully on close', async () => {
    const bus = new MemoryMessageBus()
    const target = dispatcher({ bus })
    const reader = new SseReader(
      await target.handle(
        modernRequest(
          'subscriptions/listen',
          { notifications: { toolsListChanged: true } },
          { id: 9 },
        ),
      ),
    )
    expect(await reader.next()).toMatchObject({
      method: 'notifications/subscriptions/acknowledged',
    })
    bus.publish(channels.broadcast, {
      type: 'broadcast',
      data: '{"jsonrpc":"2.0","method":"notifications/tools/list_changed"}',
    })
    expect(await reader.next()).toMatchObject({
      method: 'notifications/tools/list_changed',
      params: { _meta: { 'io.modelcontextprotocol/subscriptionId': 9 } },
    })
    await target.resourceUpdated('file:///x')
    target.close()
    expect(await reader.next()).toMatchObject({ id: 9, result: { resultType: 'complete' } })
    expect(await reader.ended()).toBe(true)
  })

  it('accepts a notification with 202 and rejects responses and batches with 400', async () => {
    const target = dispatcher()
    const headers = new Headers({ 'MCP-Protocol-Version': '2026-07-28' })
    const notification = await target.handle({
      message: { jsonrpc: '2.0', method: 'notifications/cancelled', params: { requestId: 1 } },
      headers,
    })
    expect(notification.status).toBe(202)
    const response = await target.handle({
      message: { jsonrpc: '2.0', id: 1, result: {} },
      headers,
    })
    expect(response.status).toBe(400)
    const batch = await target.handle({ message: [modernRequest('tools/list').message], headers })
    expect(batch.status).toBe(400)
  })
})

describe('isModernRequest', () => {
  it('recognises the modern _meta, or a modern version header on a broken one', () => {
    expect(isModernRequest(modernRequest('tools/list').message, new Headers())).toBe(true)
    const broken = { jsonrpc: '2.0', id: 1, method: 'server/discover', params: {} }
    expect(isModernRequest(broken, new Headers({ 'MCP-Protocol-Version': '2026-07-28' }))).toBe(
      true,
    )
    const initialize = {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25' },
    }
    expect(isModernRequest(initialize, new Headers())).toBe(false)
    const legacy = { jsonrpc: '2.0', id: 2, method: 'tools/list' }
    expect(isModernRequest(legacy, new Headers({ 'MCP-Protocol-Version': '2025-11-25' }))).toBe(
      false,
    )
    expect(isModernRequest({ ...broken, params: { _meta: clientMeta() } }, new Headers())).toBe(
      true,
    )
  })
})

describe('behind a Hono route', () => {
  it('answers modern requests in-process as the integration note wires it', async () => {
    const target = dispatcher()
    const app = new Hono()
    app.post('/mcp', async (c) => {
      const message: unknown = await c.req.json()
      if (!isModernRequest(message, c.req.raw.headers)) return c.text('legacy', 400)
      return target.handle({ message, headers: c.req.raw.headers, signal: c.req.raw.signal })
    })
    const { message, headers } = modernRequest(
      'tools/call',
      { name: 'ask', arguments: {} },
      {
        capabilities: { elicitation: {} },
      },
    )
    headers.set('Content-Type', 'application/json')
    const response = await app.request('/mcp', {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
    })
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ result: { resultType: 'input_required' } })
  })
})

/**
 * One McpServer answering 2026-07-28 stateless requests and 2025 sessions on the same mount,
 * in-process: routing by era, the same handler code in both, caching hints from the options and
 * the definitions, subscriptions/listen fed by the server's push API, and close().
 */
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer, type McpServerOptions } from '../src/index.js'
import { TestClient, messagesOf, readEvents, type Message } from './harness.js'
import { ModernTestClient, viaApp } from './modern-client.js'

const KEY_A = 'a'.repeat(32)
const KEY_B = 'b'.repeat(32)

function createServer(options: McpServerOptions = {}) {
  const server = new McpServer(
    { name: 'dual', version: '1.0.0', instructions: 'Be kind.' },
    options,
  )
  let sideEffects = 0
  server.tool(
    'greet',
    { description: 'Greets the user by name', inputSchema: z.object({ greeting: z.string() }) },
    async ({ greeting }, ctx) => {
      const answer = await ctx.elicit(
        {
          message: 'What is your name?',
          requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
        },
        { key: 'user_name' },
      )
      sideEffects += 1
      return { content: [{ type: 'text', text: `${greeting}, ${String(answer.content?.name)}!` }] }
    },
  )
  server.tool('summarise', { description: 'Asks the client LLM' }, async (_args, ctx) => {
    const answer = await ctx.sample({ messages: [], maxTokens: 10 })
    return { content: [{ type: 'text', text: JSON.stringify(answer.content) }] }
  })
  server.resource(
    'test://fresh',
    { name: 'fresh', cache: { ttlMs: 5000, cacheScope: 'public' } },
    (uri) => ({ contents: [{ uri, text: 'fresh' }] }),
  )
  server.resource('test://plain', { name: 'plain' }, (uri) => ({
    contents: [{ uri, text: 'plain' }],
  }))
  server.prompt('hello', { description: 'Says hello' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'hello' } }],
  }))
  return { server, sideEffects: () => sideEffects }
}

describe('one endpoint, both eras', () => {
  it('serves a 2025 session and 2026 requests side by side, each in its own era', async () => {
    const { server } = createServer()
    const app = server.app()
    const legacy = new TestClient(app, 'http://localhost/')
    const modern = new ModernTestClient(viaApp(app))
    await legacy.initialize()

    const discover = await modern.call('server/discover')
    expect(discover).toMatchObject({
      resultType: 'complete',
      supportedVersions: expect.arrayContaining(['2026-07-28', '2025-11-25']),
      capabilities: { tools: { listChanged: true }, prompts: { listChanged: true } },
      instructions: 'Be kind.',
      _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'dual', version: '1.0.0' } },
    })
    const modernTools = await modern.call('tools/list')
    const legacyTools = await legacy.call('tools/list')
    expect(modernTools.tools).toEqual(legacyTools.tools)
    // Each era gets its own envelope.
    expect(modernTools).toMatchObject({ resultType: 'complete', ttlMs: 0, cacheScope: 'private' })
    expect(legacyTools).not.toHaveProperty('resultType')
    expect(server.sessionCount).toBe(1)
    await server.close()
  })

  it('judges each request by itself: modern _meta wins over an Mcp-Session-Id', async () => {
    const { server } = createServer()
    const app = server.app()
    const legacy = new TestClient(app, 'http://localhost/')
    await legacy.initialize()
    const modern = new ModernTestClient(viaApp(app))
    const reply = await modern.request(
      'tools/list',
      {},
      {
        headers: { 'mcp-session-id': legacy.sessionId! },
      },
    )
    expect(reply.status).toBe(200)
    expect(reply.response.result).toMatchObject({ resultType: 'complete' })
    // No session was minted or echoed for it, and the 2025 session is untouched.
    expect(server.sessionCount).toBe(1)
    expect((await legacy.call('tools/list')).tools).toHaveLength(2)
    await server.close()
  })

  it('answers initialize carrying modern _meta with 404 -32601, and a plain one with a session', async () => {
    const { server } = createServer()
    const app = server.app()
    const modern = new ModernTestClient(viaApp(app))
    for (const method of ['initialize', 'ping', 'logging/setLevel', 'resources/subscribe']) {
      const reply = await modern.request(method, { uri: 'test://fresh', level: 'info' })
      expect([method, reply.status, reply.response.error?.code]).toEqual([method, 404, -32601])
    }
    const legacy = new TestClient(app, 'http://localhost/')
    const initialized = await legacy.initialize()
    expect(initialized.result.protocolVersion).toBe('2025-11-25')
    expect(legacy.sessionId).toMatch(/^[\x21-\x7e]+$/)
    await server.close()
  })

  it('answers a 2026 request whose _meta is broken in the modern way, not as a missing session', async () => {
    const { server } = createServer()
    const app = server.app()
    const response = await app.request('http://localhost/', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'tools/list',
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 7, method: 'tools/list', params: {} }),
    })
    expect(response.status).toBe(400)
    expect(await response.json()).toMatchObject({ id: 7, error: { code: -32602 } })
    await server.close()
  })
})

describe('the same handler in both eras', () => {
  it('asks with input_required in 2026 and resumes the handler from the top with the answer', async () => {
    const { server, sideEffects } = createServer()
    const modern = new ModernTestClient(viaApp(server.app()), { elicitation: {} })
    const first = await modern.call('tools/call', { name: 'greet', arguments: { greeting: 'Hi' } })
    expect(first).toMatchObject({
      resultType: 'input_required',
      inputRequests: { user_name: { method: 'elicitation/create' } },
      requestState: expect.any(String),
    })
    expect(sideEffects()).toBe(0)
    const done = await modern.call('tools/call', {
      name: 'greet',
      arguments: { greeting: 'Hi' },
      requestState: first.requestState,
      inputResponses: { user_name: { action: 'accept', content: { name: 'Ada' } } },
    })
    expect(done).toMatchObject({
      resultType: 'complete',
      content: [{ type: 'text', text: 'Hi, Ada!' }],
    })
    expect(sideEffects()).toBe(1)
    await server.close()
  })

  it('sends elicitation/create on the stream of a 2025 session and returns the answer', async () => {
    const { server, sideEffects } = createServer()
    const client = new TestClient(server.app(), 'http://localhost/')
    await client.initialize({ elicitation: {} })
    const response = await client.post({
      jsonrpc: '2.0',
      id: 9,
      method: 'tools/call',
      params: { name: 'greet', arguments: { greeting: 'Hello' } },
    })
    const events = await readEvents(response, (event) => {
      if (event.data === '') return false
      const message = JSON.parse(event.data) as Message
      if (message.method === 'elicitation/create') {
        void client.post({
          jsonrpc: '2.0',
          id: message.id,
          result: { action: 'accept', content: { name: 'Grace' } },
        })
      }
      return message.id === 9 && !('method' in message)
    })
    const messages = messagesOf(events)
    expect(messages[0]).toMatchObject({
      method: 'elicitation/create',
      params: { message: 'What is your name?' },
    })
    expect(messages.at(-1)).toEqual({
      jsonrpc: '2.0',
      id: 9,
      result: { content: [{ type: 'text', text: 'Hello, Grace!' }] },
    })
    expect(sideEffects()).toBe(1)
    await server.close()
  })

  it('answers -32021 naming the missing capability, in both eras', async () => {
    const { server } = createServer()
    const app = server.app()
    const modern = new ModernTestClient(viaApp(app))
    const reply = await modern.request('tools/call', { name: 'summarise', arguments: {} })
    expect(reply.status).toBe(400)
    expect(reply.response.error).toMatchObject({
      code: -32021,
      data: { requiredCapabilities: { sampling: {} } },
    })
    const legacy = new TestClient(app, 'http://localhost/')
    await legacy.initialize()
    await expect(legacy.call('tools/call', { name: 'summarise', arguments: {} })).rejects.toThrow(
      /did not declare the sampling capability/,
    )
    await expect(
      legacy.call('tools/call', { name: 'summarise', arguments: {} }),
    ).rejects.toMatchObject({ code: -32021 })
    await server.close()
  })
})

describe('request state keys', () => {
  it('accepts a state signed before a key rotation and rejects one signed with an unknown key', async () => {
    const before = createServer({ requestState: { keys: [KEY_A] } })
    const after = createServer({ requestState: { keys: [KEY_B, KEY_A] } })
    const stranger = createServer({ requestState: { keys: [KEY_B] } })
    const params = { name: 'greet', arguments: { greeting: 'Hey' } }
    const answers = { user_name: { action: 'accept', content: { name: 'Lin' } } }
    const first = await new ModernTestClient(viaApp(before.server.app()), {
      elicitation: {},
    }).call('tools/call', params)

    const rotated = new ModernTestClient(viaApp(after.server.app()), { elicitation: {} })
    const done = await rotated.call('tools/call', {
      ...params,
      requestState: first.requestState,
      inputResponses: answers,
    })
    expect(done.content).toEqual([{ type: 'text', text: 'Hey, Lin!' }])

    const other = new ModernTestClient(viaApp(stranger.server.app()), { elicitation: {} })
    const rejected = await other.request('tools/call', {
      ...params,
      requestState: first.requestState,
      inputResponses: answers,
    })
    expect(rejected.response.error).toMatchObject({ code: -32602 })
    expect(rejected.response.error.message).toMatch(/signature/)
    expect(stranger.sideEffects()).toBe(0)
    for (const { server } of [before, after, stranger]) await server.close()
  })
})

describe('caching hints', () => {
  it('takes the server default, then the method, then the definition', async () => {
    const { server } = createServer({
      caching: {
        default: { ttlMs: 60_000, cacheScope: 'public' },
        methods: { 'prompts/list': { ttlMs: 1000 } },
      },
    })
    const modern = new ModernTestClient(viaApp(server.app()))
    expect(await modern.call('tools/list')).toMatchObject({ ttlMs: 60_000, cacheScope: 'public' })
    expect(await modern.call('prompts/list')).toMatchObject({ ttlMs: 1000, cacheScope: 'public' })
    expect(await modern.call('resources/read', { uri: 'test://fresh' })).toMatchObject({
      ttlMs: 5000,
      cacheScope: 'public',
    })
    expect(await modern.call('resources/read', { uri: 'test://plain' })).toMatchObject({
      ttlMs: 60_000,
    })
    // A list is as fresh as its most volatile entry.
    expect(await modern.call('resources/list')).toMatchObject({ ttlMs: 5000 })
    expect(await modern.call('server/discover')).toMatchObject({ ttlMs: 60_000 })
    // Never on input_required.
    const asking = new ModernTestClient(viaApp(server.app()), { elicitation: {} })
    const pending = await asking.call('tools/call', { name: 'greet', arguments: { greeting: 'a' } })
    expect(pending).not.toHaveProperty('ttlMs')
    await server.close()
  })

  it('makes a list private on every page when one of its definitions is private', async () => {
    const { server } = createServer({ caching: { default: { cacheScope: 'public' } } })
    server.tool('secret', { description: 'Per user', cache: { cacheScope: 'private' } }, () => ({
      content: [],
    }))
    const modern = new ModernTestClient(viaApp(server.app()))
    expect(await modern.call('tools/list')).toMatchObject({ cacheScope: 'private' })
    expect(await modern.call('prompts/list')).toMatchObject({ cacheScope: 'public' })
    await server.close()
  })
})

describe('subscriptions/listen', () => {
  it('carries list changes and resource updates from the push API, and ends gracefully on close()', async () => {
    const { server } = createServer()
    const modern = new ModernTestClient(viaApp(server.app()))
    const stream = await modern.open('subscriptions/listen', {
      notifications: { toolsListChanged: true, resourceSubscriptions: ['test://fresh'] },
    })
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/)
    const received: Message[] = []
    const reading = readEvents(stream, (event) => {
      received.push(JSON.parse(event.data) as Message)
      return 'id' in received.at(-1)! && !('method' in received.at(-1)!)
    })
    await until(() => received.length === 1)
    const handle = server.tool('added', { description: 'New' }, () => ({ content: [] }))
    server.prompt('ignored', { description: 'Not asked for' }, () => ({ messages: [] }))
    server.resourceUpdated('test://plain')
    server.resourceUpdated('test://fresh')
    await until(() => received.length === 3)
    await server.close()
    await reading
    const subscription = { 'io.modelcontextprotocol/subscriptionId': 1 }
    expect(received.map((message) => message.method ?? 'result')).toEqual([
      'notifications/subscriptions/acknowledged',
      'notifications/tools/list_changed',
      'notifications/resources/updated',
      'result',
    ])
    expect(received[1]!.params._meta).toEqual(subscription)
    expect(received[2]!.params).toEqual({ uri: 'test://fresh', _meta: subscription })
    expect(received[3]).toMatchObject({ id: 1, result: { resultType: 'complete' } })
    handle.remove()
  })
})

function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve()
      else if (Date.now() - started > timeoutMs) reject(new Error('Timed out'))
      else setTimeout(check, 5)
    }
    check()
  })
}

import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { TestClient, messagesOf, readEvents } from '../../test/harness.js'
import { McpServer, type McpServerOptions } from '../mcp-server.js'
import type { McpAppOptions } from './app.js'

function setup(appOptions: McpAppOptions = {}, serverOptions: McpServerOptions = {}) {
  const server = new McpServer({ name: 'test-server', version: '1.0.0' }, serverOptions)
  server.tool(
    'echo',
    { description: 'Echo', inputSchema: z.object({ message: z.string() }) },
    ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  )
  server.tool('steps', { inputSchema: z.object({ count: z.number() }) }, async ({ count }, ctx) => {
    for (let step = 1; step <= count; step++) {
      await ctx.progress(step, count)
      await ctx.log('info', `step ${step}`)
    }
    return { content: [{ type: 'text', text: `did ${count}` }] }
  })
  const app = server.app({ path: '/mcp', ...appOptions })
  return { server, app, client: new TestClient(app) }
}

describe('initialize', () => {
  it('opens a session with a crypto-random id and answers in JSON', async () => {
    const { client } = setup()
    const body = await client.initialize()
    expect(client.sessionId).toMatch(/^[A-Za-z0-9_-]{22}$/)
    expect(body.result).toMatchObject({
      protocolVersion: '2025-11-25',
      serverInfo: { name: 'test-server', version: '1.0.0' },
      capabilities: { tools: { listChanged: true }, logging: {} },
    })
  })

  it('negotiates an older revision the client asks for, and the newest for an unknown one', async () => {
    const { client } = setup()
    expect((await client.initialize({}, '2025-03-26')).result.protocolVersion).toBe('2025-03-26')
    const other = new TestClient(client.app)
    expect((await other.initialize({}, '2099-01-01')).result.protocolVersion).toBe('2025-11-25')
  })

  it('rejects initialize params that are not valid with -32602 and opens no session', async () => {
    const { client, server } = setup()
    const response = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25' },
    })
    expect(response.status).toBe(400)
    expect(response.headers.get('mcp-session-id')).toBeNull()
    const body = (await response.json()) as { error: { code: number; message: string } }
    expect(body.error.code).toBe(-32602)
    expect(body.error.message).toContain('clientInfo')
    expect(server.sessionCount).toBe(0)
  })
})

describe('POST', () => {
  it('answers a fast request with one JSON body in auto mode', async () => {
    const { client } = setup()
    await client.initialize()
    const { response, messages } = await client.request('tools/call', {
      name: 'echo',
      arguments: { message: 'hi' },
    })
    expect(response.headers.get('content-type')).toContain('application/json')
    expect(response.headers.get('mcp-session-id')).toBe(client.sessionId)
    expect(messages).toEqual([
      { jsonrpc: '2.0', id: 1, result: { content: [{ type: 'text', text: 'hi' }] } },
    ])
  })

  it('upgrades to SSE when progress and logs come first: priming event, then everything in order', async () => {
    const { client } = setup()
    await client.initialize()
    const response = await client.post({
      jsonrpc: '2.0',
      id: 7,
      method: 'tools/call',
      params: { name: 'steps', arguments: { count: 2 }, _meta: { progressToken: 'p' } },
    })
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    const events = await readEvents(response)
    const [priming, ...rest] = events
    expect(priming).toMatchObject({ data: '', retry: 1000 })
    expect(priming!.id).toMatch(/^[0-9a-z]+_0$/)
    const streamId = priming!.id!.split('_')[0]
    expect(rest.every((event) => event.id?.startsWith(`${streamId}_`))).toBe(true)
    expect(messagesOf(rest).map((message) => message.method ?? `result ${message.id}`)).toEqual([
      'notifications/progress',
      'notifications/message',
      'notifications/progress',
      'notifications/message',
      'result 7',
    ])
  })

  it('always streams in sse mode', async () => {
    const { client } = setup({ responseMode: 'sse' })
    await client.initialize()
    const { response, messages } = await client.request('ping')
    expect(response.headers.get('content-type')).toBe('text/event-stream')
    expect(messages).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }])
  })

  it('accepts notifications and responses with 202 and no body', async () => {
    const { client } = setup()
    await client.initialize()
    const response = await client.post({
      jsonrpc: '2.0',
      method: 'notifications/roots/list_changed',
    })
    expect(response.status).toBe(202)
    expect(await response.text()).toBe('')
  })

  it('answers unknown methods and invalid params with JSON-RPC errors', async () => {
    const { client } = setup()
    await client.initialize()
    await expect(client.call('tools/dance')).rejects.toMatchObject({ code: -32601 })
    await expect(client.call('tools/call', { name: 'nope' })).rejects.toMatchObject({
      code: -32602,
    })
    const invalid = await client.call('tools/call', { name: 'echo', arguments: { message: 3 } })
    expect(invalid.isError).toBe(true)
    expect(invalid.content[0].text).toContain('message')
  })
})

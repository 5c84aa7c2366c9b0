import { describe, expect, it } from 'vitest'
import { Hono } from 'hono'
import { z } from 'zod'
import type { SseEvent } from '../../test/harness.js'
import { McpServer } from '../mcp-server.js'

function setup() {
  const server = new McpServer({ name: 'legacy', version: '1.0.0' })
  server.tool(
    'echo',
    { inputSchema: z.object({ message: z.string() }) },
    async ({ message }, ctx) => {
      await ctx.progress(1, 1)
      return {
        content: [
          { type: 'text', text: message },
          { type: 'audio', data: 'AAAA', mimeType: 'audio/wav' },
        ],
      }
    },
  )
  const app = server.app({ path: '/mcp' })
  return { server, app }
}

/** Opens GET /sse and returns the endpoint, plus a reader of the messages that follow. */
interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>
}

async function connect(app: Requester, base = 'http://localhost') {
  const response = await app.request(`${base}/sse`, { headers: { accept: 'text/event-stream' } })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  const next = async (): Promise<SseEvent> => {
    for (;;) {
      const end = buffer.indexOf('\n\n')
      if (end !== -1) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        const event: SseEvent = { data: '' }
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event.event = line.slice(7)
          else if (line.startsWith('data: ')) event.data = line.slice(6)
          else if (line.startsWith('id: ')) event.id = line.slice(4)
        }
        return event
      }
      const { value, done } = await reader.read()
      if (done) throw new Error('stream ended')
      buffer += value
    }
  }
  const endpoint = await next()
  const post = (body: unknown) =>
    app.request(`${base}${endpoint.data}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  return { response, endpoint, next, post, close: () => reader.cancel() }
}

describe('HTTP+SSE (2024-11-05)', () => {
  it('announces the message endpoint, answers POSTs with 202 and replies on the stream', async () => {
    const { app, server } = setup()
    const client = await connect(app)
    expect(client.response.headers.get('content-type')).toBe('text/event-stream')
    expect(client.endpoint.event).toBe('endpoint')
    expect(client.endpoint.data).toMatch(/^\/messages\?sessionId=[A-Za-z0-9_-]{22}$/)
    const accepted = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        protocolVersion: '2024-11-05',
        capabilities: {},
        clientInfo: { name: 'old', version: '0.1' },
      },
    })
    expect(accepted.status).toBe(202)
    const initialized = JSON.parse((await client.next()).data)
    expect(initialized.result.protocolVersion).toBe('2024-11-05')
    await client.post({ jsonrpc: '2.0', method: 'notifications/initialized' })
    await client.post({
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'echo', arguments: { message: 'hi' }, _meta: { progressToken: 9 } },
    })
    const progress = await client.next()
    expect(progress.id).toBeUndefined()
    expect(JSON.parse(progress.data)).toMatchObject({
      method: 'notifications/progress',
      params: { progressToken: 9 },
    })
    const result = JSON.parse((await client.next()).data)
    // 2024-11-05 has no audio content: the client gets a text notice instead.
    expect(result.result.content).toEqual([
      { type: 'text', text: 'hi' },
      { type: 'text', text: expect.stringContaining('audio content') },
    ])
    expect(server.sessionCount).toBe(1)
    await client.close()
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(server.sessionCount).toBe(0)
  })

  it('announces the endpoint under the mount point', async () => {
    const server = new McpServer({ name: 'mounted', version: '1.0.0' })
    const app = new Hono().route('/mcp', server.app())
    const client = await connect(app, 'http://localhost/mcp')
    expect(client.endpoint.data).toMatch(/^\/mcp\/messages\?sessionId=/)
    await client.close()
  })

  it('rejects a POST without, or with an unknown, session id', async () => {
    const { app } = setup()
    const post = (query: string) =>
      app.request(`http://localhost/messages${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'ping' }),
      })
    const missing = await post('')
    expect(missing.status).toBe(400)
    expect(await missing.text()).toContain('sessionId')
    expect((await post('?sessionId=nope')).status).toBe(404)
  })

  it('also takes the session as session_id, the Python SDK spelling', async () => {
    const { app } = setup()
    const client = await connect(app)
    const id = client.endpoint.data.split('=')[1]!
    const response = await app.request(`http://localhost/messages?session_id=${id}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2024-11-05',
          capabilities: {},
          clientInfo: { name: 'py', version: '1' },
        },
      }),
    })
    expect(response.status).toBe(202)
    expect(JSON.parse((await client.next()).data).result.protocolVersion).toBe('2024-11-05')
    await client.close()
  })

  it('broadcasts to legacy streams too', async () => {
    const { app, server } = setup()
    const client = await connect(app)
    await server.broadcast('notifications/message', { level: 'info', data: 'to all' })
    expect(JSON.parse((await client.next()).data).params.data).toBe('to all')
    await client.close()
  })
})

describe('both wires at once', () => {
  it('serves a Streamable HTTP session and an SSE session from one server', async () => {
    const { app, server } = setup()
    const legacy = await connect(app)
    const response = await app.request('http://localhost/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body: JSON.stringify({
        jsonrpc: '2.0',
        id: 1,
        method: 'initialize',
        params: {
          protocolVersion: '2025-11-25',
          capabilities: {},
          clientInfo: { name: 'new', version: '1' },
        },
      }),
    })
    expect(response.status).toBe(200)
    expect(server.sessionCount).toBe(2)
    const body = (await response.json()) as { result: { protocolVersion: string } }
    expect(body.result.protocolVersion).toBe('2025-11-25')
    await legacy.close()
  })
})

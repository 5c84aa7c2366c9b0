import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { TestClient, readEvents } from '../../test/harness.js'
import { McpServer, type McpServerOptions } from '../mcp-server.js'
import type { McpAppOptions } from './app.js'

function setup(appOptions: McpAppOptions = {}, serverOptions: McpServerOptions = {}) {
  const server = new McpServer({ name: 'plumbing', version: '1.0.0' }, serverOptions)
  server.tool('echo', { inputSchema: z.object({ message: z.string() }) }, ({ message }) => ({
    content: [{ type: 'text', text: message }],
  }))
  server.resource('test://broken', { name: 'broken' }, () => {
    throw new Error('password=hunter2 at /srv/app/db.ts:12')
  })
  const app = server.app({ path: '/mcp', ...appOptions })
  return { server, app, client: new TestClient(app) }
}

async function errorOf(response: Response) {
  const body = (await response.json()) as {
    jsonrpc: string
    id?: unknown
    error: { code: number; message: string }
  }
  expect(body.jsonrpc).toBe('2.0')
  return { status: response.status, code: body.error.code, message: body.error.message }
}

const initializeBody = {
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 't', version: '1' },
  },
}

describe('DNS-rebinding protection', () => {
  it('refuses a foreign Host and Origin with 403 on every route, before anything else', async () => {
    const { app, server } = setup()
    const evil = { host: 'evil.example.com', origin: 'http://evil.example.com' }
    for (const [path, init] of [
      [
        '/mcp',
        {
          method: 'POST',
          body: JSON.stringify(initializeBody),
          headers: {
            ...evil,
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
          },
        },
      ],
      ['/mcp', { method: 'GET', headers: evil }],
      ['/sse', { method: 'GET', headers: evil }],
      ['/health', { method: 'GET', headers: evil }],
    ] as const) {
      const response = await app.request(`http://evil.example.com${path}`, init)
      const error = await errorOf(response)
      expect(error.status).toBe(403)
      expect(error.message).toContain('evil.example.com')
    }
    expect(server.sessionCount).toBe(0)
  })

  it('serves localhost, and the hosts it is told to', async () => {
    const { client } = setup()
    await client.initialize()
    const open = setup({ allowedHosts: ['mcp.example.com'] })
    const response = await open.app.request('http://mcp.example.com/health')
    expect(await response.json()).toEqual({ status: 'ok' })
    expect((await open.app.request('http://localhost/health')).status).toBe(403)
  })
})

describe('request checks', () => {
  it('415 for a body that is not JSON, 406 without the Accept types, 413 over the limit', async () => {
    const { client } = setup({ maxBodyBytes: 200 })
    const wrongType = await errorOf(
      await client.post(initializeBody, { 'content-type': 'text/plain' }),
    )
    expect(wrongType).toMatchObject({ status: 415, code: -32600 })
    const wrongAccept = await errorOf(
      await client.post(initializeBody, { accept: 'application/json' }),
    )
    expect(wrongAccept.status).toBe(406)
    expect(wrongAccept.message).toContain('text/event-stream')
    const huge = { ...initializeBody, padding: 'x'.repeat(500) }
    const tooLarge = await errorOf(await client.post(huge))
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.message).toContain('200 bytes')
  })

  it('400 -32700 for broken JSON and 400 -32600 for what is not JSON-RPC', async () => {
    const { client } = setup()
    await client.initialize()
    const broken = await errorOf(await client.post('{"jsonrpc": "2.0", "id": 1,'))
    expect(broken).toMatchObject({ status: 400, code: -32700 })
    const notRpc = await errorOf(await client.post({ hello: 'world' }))
    expect(notRpc).toMatchObject({ status: 400, code: -32600 })
  })

  it('400 without a session id, 404 for an unknown one, on POST, GET and DELETE', async () => {
    const { client } = setup()
    const missing = await errorOf(
      await client.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
    )
    expect(missing.status).toBe(400)
    expect(missing.message).toContain('Mcp-Session-Id')
    client.sessionId = 'no-such-session'
    for (const response of [
      await client.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
      await client.get(),
      await client.delete(),
    ]) {
      // The 404 is a JSON body, never a stream that was opened first.
      expect(response.headers.get('content-type')).toContain('application/json')
      expect(await errorOf(response)).toMatchObject({ status: 404 })
    }
  })

  it('400 for an unsupported MCP-Protocol-Version, naming the supported ones', async () => {
    const { client } = setup()
    await client.initialize()
    const error = await errorOf(
      await client.post(
        { jsonrpc: '2.0', id: 5, method: 'tools/list' },
        { 'mcp-protocol-version': '1999-01-01' },
      ),
    )
    expect(error.status).toBe(400)
    expect(error.message).toContain("'1999-01-01'")
    expect(error.message).toContain('2025-06-18')
    const headers = client.headers()
    delete headers['mcp-protocol-version']
    const withoutHeader = await client.app.request(client.base, {
      method: 'POST',
      headers,
      body: JSON.stringify({ jsonrpc: '2.0', id: 6, method: 'ping' }),
    })
    expect(withoutHeader.status).toBe(200)
  })

  it('accepts a batch only in a 2025-03-26 session', async () => {
    const batch = [
      { jsonrpc: '2.0', id: 1, method: 'ping' },
      {
        jsonrpc: '2.0',
        id: 2,
        method: 'tools/call',
        params: { name: 'echo', arguments: { message: 'b' } },
      },
    ]
    const modern = setup().client
    await modern.initialize()
    const rejected = await errorOf(await modern.post(batch))
    expect(rejected.status).toBe(400)
    expect(rejected.message).toContain('batches')
    const old = setup().client
    await old.initialize({}, '2025-03-26')
    const response = await old.post(batch)
    expect(response.status).toBe(200)
    const body = (await response.json()) as { id: number }[]
    expect(body.map((entry) => entry.id).sort()).toEqual([1, 2])
  })

  it('405 with Allow for other methods, and 409 for a second GET stream', async () => {
    const { client, app } = setup()
    const put = await app.request('http://localhost/mcp', { method: 'PUT' })
    expect(put.status).toBe(405)
    expect(put.headers.get('allow')).toBe('GET, POST, DELETE')
    await client.initialize()
    const first = await client.get()
    expect(first.headers.get('content-type')).toBe('text/event-stream')
    const second = await errorOf(await client.get())
    expect(second.status).toBe(409)
    await first.body?.cancel()
  })

  it('never leaks what a handler threw', async () => {
    const { client } = setup({}, { onError: () => {} })
    await client.initialize()
    const { messages } = await client.request('resources/read', { uri: 'test://broken' })
    expect(messages[0]).toEqual({
      jsonrpc: '2.0',
      id: 1,
      error: { code: -32603, message: 'Internal error' },
    })
  })
})

describe('sessions', () => {
  it('DELETE ends the session: its streams end and later requests get 404', async () => {
    const { client, server } = setup()
    await client.initialize()
    const stream = await client.get()
    const events = readEvents(stream)
    expect((await client.delete()).status).toBe(200)
    expect((await events).length).toBe(1) // the priming event, then the end
    expect((await client.post({ jsonrpc: '2.0', id: 9, method: 'ping' })).status).toBe(404)
    expect(server.sessionCount).toBe(0)
  })

  it('binds a session to the identity that opened it', async () => {
    const { app } = setup({ identify: (c) => c.req.header('x-user') })
    const alice = new TestClient(app)
    await alice.initialize()
    const stolen = await app.request('http://localhost/mcp', {
      method: 'POST',
      headers: { ...alice.headers(), 'x-user': 'mallory' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'ping' }),
    })
    expect(stolen.status).toBe(404)
  })

  it('expires sessions idle past the timeout, but not those with an open stream', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] })
    try {
      const { client, server, app } = setup({}, { sessionIdleTimeoutMs: 60_000, keepAliveMs: 0 })
      await client.initialize()
      const listener = new TestClient(app)
      await listener.initialize()
      const stream = await listener.get()
      expect(server.sessionCount).toBe(2)
      vi.advanceTimersByTime(91_000)
      expect(server.sessionIds()).toEqual([listener.sessionId])
      expect((await client.post({ jsonrpc: '2.0', id: 3, method: 'ping' })).status).toBe(404)
      await stream.body?.cancel()
    } finally {
      vi.useRealTimers()
    }
  })
})

describe('health and lifespan', () => {
  it('runs the lifespan hook once on the first request and its cleanup on close', async () => {
    const calls: string[] = []
    const { app, server } = setup(
      {},
      {
        lifespan: () => {
          calls.push('start')
          return () => {
            calls.push('stop')
          }
        },
      },
    )
    expect(calls).toEqual([])
    await app.request('http://localhost/health')
    await app.request('http://localhost/health')
    expect(calls).toEqual(['start'])
    await server.close()
    expect(calls).toEqual(['start', 'stop'])
  })
})

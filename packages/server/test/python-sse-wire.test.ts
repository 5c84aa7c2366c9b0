/**
 * The official Python SDK's HTTP+SSE client (`mcp.client.sse.sse_client` + `ClientSession`),
 * replayed byte for byte over real sockets.
 *
 * The Python SDK cannot be installed here (no PyPI, and Debian's pydantic is 1.x), so this test
 * sends what that client sends — httpx's default headers, httpx_sse's `Accept` and
 * `Cache-Control`, pydantic's JSON with Python's `json.dumps` separators — and checks every
 * condition under which it gives up: the stream's content type (httpx_sse raises otherwise),
 * an `endpoint` event whose `urljoin` with the stream URL keeps scheme and host (else
 * `ValueError`), a 2xx for every POST (`raise_for_status`), and JSON-RPC messages in events named
 * `message` (or unnamed, which httpx_sse reads as `message`); events with empty data are skipped
 * by that client, so they must never carry a message.
 */
import { Agent, request, type IncomingMessage } from 'node:http'
import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { McpServer } from '../src/mcp-server.js'
import { serve, type RunningServer } from '../src/node/index.js'
import type { Message } from './harness.js'

const HTTPX_HEADERS = {
  accept: '*/*',
  'accept-encoding': 'gzip, deflate',
  connection: 'keep-alive',
  'user-agent': 'python-httpx/0.28.1',
}
const HTTPX_SSE_HEADERS = { accept: 'text/event-stream', 'cache-control': 'no-store' }

/** JSON as Python's `json.dumps` writes it by default (`", "` and `": "`), as httpx sends it. */
function pythonJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(
      ([key, item]) => `${JSON.stringify(key)}: ${pythonJson(item)}`,
    )
    return `{${entries.join(', ')}}`
  }
  return JSON.stringify(value)
}

interface PythonEvent {
  event: string
  data: string
}

/** Reads SSE the way httpx_sse does: unnamed events are `message` events. */
class EventReader {
  readonly #events: PythonEvent[] = []
  readonly #waiters: (() => void)[] = []
  #buffer = ''
  #event = ''
  #data: string[] = []

  constructor(response: IncomingMessage) {
    response.setEncoding('utf8')
    response.on('data', (chunk: string) => {
      this.#buffer += chunk
      let newline: number
      while ((newline = this.#buffer.search(/\r\n|\r|\n/)) !== -1) {
        const width = this.#buffer.startsWith('\r\n', newline) ? 2 : 1
        this.#line(this.#buffer.slice(0, newline))
        this.#buffer = this.#buffer.slice(newline + width)
      }
    })
  }

  #line(line: string): void {
    if (line === '') {
      if (this.#data.length > 0 || this.#event !== '') {
        this.#events.push({ event: this.#event || 'message', data: this.#data.join('\n') })
        for (const wake of this.#waiters.splice(0)) wake()
      }
      this.#event = ''
      this.#data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '')
    if (field === 'event') this.#event = value
    else if (field === 'data') this.#data.push(value)
  }

  /** The next event, as the Python client's `sse_reader` loop sees them. */
  async next(): Promise<PythonEvent> {
    const deadline = Date.now() + 5000
    while (this.#events.length === 0) {
      if (Date.now() > deadline) throw new Error('no event within 5 s')
      await new Promise<void>((resolve) => {
        this.#waiters.push(resolve)
        setTimeout(resolve, 100)
      })
    }
    return this.#events.shift() as PythonEvent
  }

  /** The next JSON-RPC message, skipping what `sse_reader` skips (empty keep-alive data). */
  async nextMessage(): Promise<Message> {
    for (;;) {
      const event = await this.next()
      expect(event.event).toBe('message')
      if (event.data === '') continue
      return JSON.parse(event.data) as Message
    }
  }
}

const running: RunningServer[] = []
const agent = new Agent({ keepAlive: true })

afterEach(async () => {
  agent.destroy()
  for (const server of running.splice(0)) await server.close()
})

function createServer(): McpServer {
  const server = new McpServer({ name: 'python-wire', version: '1.0.0' })
  server.tool(
    'add',
    { description: 'Adds', inputSchema: z.object({ a: z.number(), b: z.number() }) },
    async ({ a, b }, ctx) => {
      await ctx.progress(1, 1, 'adding')
      return { content: [{ type: 'text', text: String(a + b) }] }
    },
  )
  return server
}

function get(url: string): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request(url, { agent, headers: { ...HTTPX_HEADERS, ...HTTPX_SSE_HEADERS } }, resolve)
      .on('error', reject)
      .end()
  })
}

/** `client.post(endpoint_url, json=...)`; a string is sent as it is. */
function post(url: string, message: unknown): Promise<{ status: number; body: string }> {
  const body = typeof message === 'string' ? message : pythonJson(message)
  return new Promise((resolve, reject) => {
    const headers = {
      ...HTTPX_HEADERS,
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    }
    request(url, { method: 'POST', agent, headers }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        resolve({ status: response.statusCode ?? 0, body: text })
      })
    })
      .on('error', reject)
      .end(body)
  })
}

function initialize(protocolVersion: string) {
  return {
    jsonrpc: '2.0',
    id: 0,
    method: 'initialize',
    params: { protocolVersion, capabilities: {}, clientInfo: { name: 'mcp', version: '0.1.0' } },
  }
}

async function openSession(): Promise<{ events: EventReader; endpoint: string; sse: string }> {
  const listening = await serve(createServer(), { port: 0 })
  running.push(listening)
  const sse = new URL('/sse', listening.url).href
  const response = await get(sse)
  expect(response.statusCode).toBe(200)
  expect(response.headers['content-type']).toContain('text/event-stream')
  const events = new EventReader(response)
  const first = await events.next()
  expect(first.event).toBe('endpoint')
  const endpoint = new URL(first.data, sse)
  const origin = new URL(sse)
  expect([endpoint.protocol, endpoint.host]).toEqual([origin.protocol, origin.host])
  expect(endpoint.searchParams.get('sessionId') ?? endpoint.searchParams.get('session_id')).toMatch(
    /.{16,}/,
  )
  return { events, endpoint: endpoint.href, sse }
}

describe("the Python SDK's HTTP+SSE client, replayed", () => {
  it('initializes, lists and calls tools with progress, and gets replies on the stream', async () => {
    const { events, endpoint } = await openSession()

    expect((await post(endpoint, initialize('2025-11-25'))).status).toBe(202)
    const initialized = await events.nextMessage()
    expect(initialized).toMatchObject({ id: 0, result: { serverInfo: { name: 'python-wire' } } })
    // An SSE session speaks 2024-11-05 or whatever the client asked for that the server knows.
    expect(typeof initialized.result.protocolVersion).toBe('string')

    const { status } = await post(endpoint, { jsonrpc: '2.0', method: 'notifications/initialized' })
    expect(status >= 200 && status < 300).toBe(true)

    expect((await post(endpoint, { jsonrpc: '2.0', id: 1, method: 'tools/list' })).status).toBe(202)
    const listed = await events.nextMessage()
    expect(listed.id).toBe(1)
    expect(listed.result.tools.map((tool: { name: string }) => tool.name)).toEqual(['add'])

    await post(endpoint, {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'add', arguments: { a: 2, b: 3.5 }, _meta: { progressToken: 2 } },
    })
    const progress = await events.nextMessage()
    expect(progress).toMatchObject({
      method: 'notifications/progress',
      params: { progressToken: 2, progress: 1, total: 1 },
    })
    const called = await events.nextMessage()
    expect(called).toMatchObject({ id: 2, result: { content: [{ type: 'text', text: '5.5' }] } })
  })

  it('negotiates 2024-11-05 and answers a ping from the Python client', async () => {
    const { events, endpoint } = await openSession()
    await post(endpoint, initialize('2024-11-05'))
    expect((await events.nextMessage()).result.protocolVersion).toBe('2024-11-05')
    await post(endpoint, { jsonrpc: '2.0', method: 'notifications/initialized' })
    await post(endpoint, { jsonrpc: '2.0', id: 'p', method: 'ping' })
    expect(await events.nextMessage()).toEqual({ jsonrpc: '2.0', id: 'p', result: {} })
  })

  it('rejects a malformed message with a JSON-RPC error the Python client can read', async () => {
    const { events, endpoint } = await openSession()
    const malformed = await post(endpoint, '{"jsonrpc": "2.0", "id": 7, "method": ')
    // raise_for_status() turns a 4xx into an exception the Python client logs with this body;
    // the stream stays usable.
    expect(malformed.status).toBe(400)
    expect(JSON.parse(malformed.body)).toMatchObject({ jsonrpc: '2.0', error: { code: -32700 } })
    await post(endpoint, initialize('2024-11-05'))
    expect((await events.nextMessage()).id).toBe(0)
  })
})

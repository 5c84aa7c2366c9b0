/**
 * `pnpm bench:calls` (this package): CPU time per `tools/call` on each wire, server and client in
 * ONE process, against the same fixed-answer Hono app on the same `@hono/node-server`. Because
 * client and server share one thread, CPU per call is their sum; the client is a few bare
 * keep-alive sockets that cost the same for every row, so `ours - raw Hono` is what our stack
 * adds to a call. Rounds are interleaved and the best of each is kept, which makes the figures
 * usable on a busy machine where throughput numbers are not.
 *
 * Usage: `pnpm bench:calls [--rounds 5] [--seconds 1.5] [--concurrency 32] [--only <list>]`, the
 * list from raw, json, sdk-json, modern, raw-sse, sse, sdk-sse (default: all); `modern` is a
 * stateless 2026-07-28 call (its own `_meta`, the `Mcp-Method`/`Mcp-Name` headers). The SDK rows are
 * `@modelcontextprotocol/sdk` 1.x wired as its documentation does, in the same process.
 * @module
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { connect, type AddressInfo, type Socket } from 'node:net'
import { parseArgs } from 'node:util'
import { serve as serveNode } from '@hono/node-server'
import { Hono } from 'hono'
import { McpServer as SdkMcpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js'
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js'
import { z } from 'zod'
import { McpServer } from '../src/mcp-server.js'
import { serve } from '../src/node/index.js'

const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '5' },
    seconds: { type: 'string', default: '1.5' },
    concurrency: { type: 'string', default: '32' },
    only: { type: 'string', default: 'raw,json,sdk-json,modern,raw-sse,sse,sdk-sse' },
  },
})
const rounds = Number(values.rounds)
const seconds = Number(values.seconds)
const concurrency = Number(values.concurrency)
const only = new Set(values.only.split(','))

// --- servers ---------------------------------------------------------------------------------

const server = new McpServer({ name: 'calls', version: '0.0.0' })
server.tool(
  'echo',
  { description: 'echo', inputSchema: z.object({ message: z.string() }) },
  ({ message }) => ({ content: [{ type: 'text', text: message }] }),
)
const ours = await serve(server, { port: 0 })

const FIXED = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  result: { content: [{ type: 'text', text: 'hello' }] },
})
const rawApp = new Hono()
rawApp.post('/mcp', async (c) => {
  await c.req.text()
  return c.body(FIXED, 200, { 'content-type': 'application/json' })
})
// The floor of the HTTP+SSE pattern on the same stack: hold each GET /sse response, and answer a
// POST /messages with 202 after writing a fixed reply (with the request's id) to its stream.
const rawStreams = new Map<string, ServerResponse>()
let rawStreamCount = 0
rawApp.get('/sse', (c) => {
  const outgoing = (c.env as { outgoing: ServerResponse }).outgoing
  const id = String(rawStreamCount++)
  rawStreams.set(id, outgoing)
  outgoing.writeHead(200, { 'content-type': 'text/event-stream' })
  outgoing.write(`event: endpoint\ndata: /messages?sessionId=${id}\n\n`)
  const sent = new Response(null, { headers: { 'x-hono-already-sent': 'true' } })
  // Reading body turns node-server's cached response into one it inspects for the marker.
  if (sent.body !== null) throw new Error('unexpected body')
  return sent
})
rawApp.post('/messages', async (c) => {
  const message = JSON.parse(await c.req.text()) as { id?: number }
  const stream = rawStreams.get(c.req.query('sessionId') ?? '')
  stream?.write(
    `event: message\ndata: {"jsonrpc":"2.0","id":${message.id},"result":{"content":[{"type":"text","text":"hello"}]}}\n\n`,
  )
  return c.body('Accepted', 202)
})
const rawPort = await new Promise<number>((resolve) => {
  serveNode({ fetch: rawApp.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    resolve(info.port)
  })
})

// The official SDK 1.x on node:http, wired as its documentation does (as in bench/src/servers);
// its deprecated SSE transport is the point of the HTTP+SSE row.
/* eslint-disable @typescript-eslint/no-deprecated */
const sdkSse = new Map<string, SSEServerTransport>()
const sdkStreamable = new Map<string, StreamableHTTPServerTransport>()
function sdkServer(): SdkMcpServer {
  const sdk = new SdkMcpServer({ name: 'calls', version: '0.0.0' })
  sdk.registerTool(
    'echo',
    { description: 'echo', inputSchema: { message: z.string() } },
    ({ message }) => ({ content: [{ type: 'text', text: message }] }),
  )
  return sdk
}
async function readAll(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}
const sdkHttp = createServer((request, response) => {
  void (async () => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/sse') {
      const transport = new SSEServerTransport('/messages', response)
      /* eslint-enable @typescript-eslint/no-deprecated */
      sdkSse.set(transport.sessionId, transport)
      await sdkServer().connect(transport)
    } else if (url.pathname === '/messages') {
      await sdkSse
        .get(url.searchParams.get('sessionId') ?? '')
        ?.handlePostMessage(request, response)
    } else {
      const body: unknown = JSON.parse(await readAll(request))
      const id = request.headers['mcp-session-id']
      let transport = typeof id === 'string' ? sdkStreamable.get(id) : undefined
      if (transport === undefined) {
        const created = new StreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (sessionId) => {
            sdkStreamable.set(sessionId, created)
          },
        })
        await sdkServer().connect(created)
        transport = created
      }
      await transport.handleRequest(request, response, body)
    }
  })()
})
const sdkPort = await new Promise<number>((resolve) => {
  sdkHttp.listen(0, '127.0.0.1', () => {
    resolve((sdkHttp.address() as AddressInfo).port)
  })
})

// --- a bare HTTP/1.1 client ------------------------------------------------------------------

/** One keep-alive socket; responses are found by their end, which is all this bench needs. */
class Connection {
  readonly socket: Socket
  #buffer = ''
  #resolve: ((text: string) => void) | undefined

  constructor(port: number) {
    this.socket = connect(port, '127.0.0.1')
    this.socket.setNoDelay(true)
    this.socket.setEncoding('utf8')
    this.socket.on('data', (chunk: string) => {
      this.#buffer += chunk
      const head = this.#buffer.indexOf('\r\n\r\n')
      if (head === -1) return
      const length = /content-length: (\d+)/i.exec(this.#buffer.slice(0, head))
      let end = head + 4 + Number(length?.[1] ?? 0)
      if (length === null) {
        // Chunked (the bench's bodies are never empty chunks before the last one).
        const last = this.#buffer.indexOf('0\r\n\r\n', head + 4)
        if (last === -1) return
        end = last + 5
      }
      if (this.#buffer.length < end) return
      const text = this.#buffer.slice(0, end)
      this.#buffer = this.#buffer.slice(end)
      const resolve = this.#resolve
      this.#resolve = undefined
      resolve?.(text)
    })
  }

  request(head: string, body: string): Promise<string> {
    return new Promise((resolve) => {
      this.#resolve = resolve
      this.socket.write(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    })
  }
}

/** An SSE stream on a bare socket: calls `onData` with each chunk of text. */
function openStream(port: number, path: string, onData: (text: string) => void): Socket {
  const socket = connect(port, '127.0.0.1')
  socket.setNoDelay(true)
  socket.setEncoding('utf8')
  socket.write(`GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n`)
  socket.on('data', onData)
  return socket
}

const call = (id: number) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'tools/call',
    params: { name: 'echo', arguments: { message: 'hello' } },
  })
const initialize = (id: number, version: string) =>
  JSON.stringify({
    jsonrpc: '2.0',
    id,
    method: 'initialize',
    params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'b', version: '1' } },
  })
const INITIALIZED = JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })

// --- workers ---------------------------------------------------------------------------------

type Worker = () => Promise<void>

function rawWorkers(): Worker[] {
  const head = `POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`
  return Array.from({ length: concurrency }, () => {
    const connection = new Connection(rawPort)
    return async () => {
      const reply = await connection.request(head, call(1))
      if (!reply.includes('"hello"')) throw new Error(`raw: ${reply}`)
    }
  })
}

async function jsonWorkers(port: number): Promise<Worker[]> {
  const base =
    'POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    'Accept: application/json, text/event-stream\r\n'
  return Promise.all(
    Array.from({ length: concurrency }, async () => {
      const connection = new Connection(port)
      const opened = await connection.request(base, initialize(0, '2025-11-25'))
      const id = /mcp-session-id: ([^\r]+)/i.exec(opened)?.[1]
      const head = `${base}Mcp-Session-Id: ${id}\r\nMcp-Protocol-Version: 2025-11-25\r\n`
      await connection.request(head, INITIALIZED)
      let next = 1
      return async () => {
        const reply = await connection.request(head, call(next++))
        if (!reply.includes('"hello"')) throw new Error(`json: ${reply}`)
      }
    }),
  )
}

function modernWorkers(port: number): Worker[] {
  const head =
    'POST /mcp HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n' +
    'Accept: application/json, text/event-stream\r\nMcp-Protocol-Version: 2026-07-28\r\n' +
    'Mcp-Method: tools/call\r\nMcp-Name: echo\r\n'
  return Array.from({ length: concurrency }, () => {
    const connection = new Connection(port)
    let next = 1
    return async () => {
      const body = JSON.stringify({
        jsonrpc: '2.0',
        id: next++,
        method: 'tools/call',
        params: {
          _meta: {
            'io.modelcontextprotocol/protocolVersion': '2026-07-28',
            'io.modelcontextprotocol/clientInfo': { name: 'b', version: '1' },
            'io.modelcontextprotocol/clientCapabilities': {},
          },
          name: 'echo',
          arguments: { message: 'hello' },
        },
      })
      const reply = await connection.request(head, body)
      if (!reply.includes('"hello"')) throw new Error(`modern: ${reply}`)
    }
  })
}

async function sseWorkers(port: number): Promise<Worker[]> {
  return Promise.all(
    Array.from({ length: concurrency }, async () => {
      let waiting: ((text: string) => void) | undefined
      let endpoint: string | undefined
      let pending = ''
      const announced = new Promise<void>((resolve) => {
        openStream(port, '/sse', (text) => {
          if (endpoint === undefined) {
            const match = /data: (\/messages\?sessionId=[^\r\n]+)\r?\n/.exec(text)
            if (match !== null) {
              endpoint = match[1]
              resolve()
            }
            return
          }
          pending += text
          if (!pending.includes('\n\n')) return
          const events = pending
          pending = ''
          waiting?.(events)
        })
      })
      await announced
      const connection = new Connection(port)
      const head = `POST ${endpoint} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n`
      const request = async (body: string): Promise<string> => {
        const reply = new Promise<string>((resolve) => {
          waiting = resolve
        })
        await connection.request(head, body)
        return reply
      }
      await request(initialize(0, '2024-11-05'))
      await connection.request(head, INITIALIZED)
      let next = 1
      return async () => {
        const events = await request(call(next++))
        if (!events.includes('"hello"')) throw new Error(`sse: ${events}`)
      }
    }),
  )
}

let totalCalls = 0

async function measure(workers: Worker[]): Promise<{ cpuUs: number; rate: number }> {
  let calls = 0
  let running = true
  const loops = workers.map(async (worker) => {
    while (running) {
      await worker()
      calls++
    }
  })
  const cpu = process.cpuUsage()
  const started = performance.now()
  calls = 0
  await new Promise((resolve) => setTimeout(resolve, seconds * 1000))
  const used = process.cpuUsage(cpu)
  const elapsed = (performance.now() - started) / 1000
  const done = calls
  running = false
  await Promise.all(loops)
  totalCalls += calls
  return { cpuUs: (used.user + used.system) / done, rate: done / elapsed }
}

const variants: Array<[string, Worker[]]> = []
if (only.has('raw')) variants.push(['raw Hono (fixed answer)', rawWorkers()])
if (only.has('json')) variants.push(['ours: Streamable HTTP', await jsonWorkers(ours.port)])
if (only.has('sdk-json')) variants.push(['SDK 1.x: Streamable HTTP', await jsonWorkers(sdkPort)])
if (only.has('modern')) variants.push(['ours: stateless 2026-07-28', modernWorkers(ours.port)])
if (only.has('raw-sse'))
  variants.push(['raw Hono HTTP+SSE (fixed reply)', await sseWorkers(rawPort)])
if (only.has('sse')) variants.push(['ours: HTTP+SSE', await sseWorkers(ours.port)])
if (only.has('sdk-sse')) variants.push(['SDK 1.x: HTTP+SSE', await sseWorkers(sdkPort)])

const best = new Map<string, { cpuUs: number; rate: number }>()
// Warm-up: JIT and lazy start-up out of the figures.
for (const [, workers] of variants) await measure(workers)
for (let round = 0; round < rounds; round++) {
  for (const [name, workers] of variants) {
    const result = await measure(workers)
    const previous = best.get(name)
    if (previous === undefined || result.cpuUs < previous.cpuUs) best.set(name, result)
  }
}
console.log(`CPU per call, client and server in one process (best of ${rounds} x ${seconds} s):`)
for (const [name, result] of best) {
  console.log(
    `  ${name.padEnd(48)} ${result.cpuUs.toFixed(1).padStart(6)} us/call  (${Math.round(result.rate)} calls/s)`,
  )
}
if (process.env.BENCH_TOTAL_CALLS === '1') console.log(`total calls: ${totalCalls}`)
await ours.close()
sdkHttp.closeAllConnections()
process.exit(0)

/**
 * `pnpm bench` (this package): memory per idle session with an open GET stream, and the time
 * for one broadcast to reach every stream, measured from a separate client process over real
 * sockets. Usage: `pnpm bench [-- --sessions 10000]`.
 *
 * Targets (issue 3): <= 12 KiB per idle session at 10,000 sessions; <= 100 ms for one
 * notification to reach 10,000 streams.
 * @module
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { connect } from 'node:net'
import { parseArgs } from 'node:util'

const { values } = parseArgs({ options: { sessions: { type: 'string', default: '10000' } } })
const sessions = Number(values.sessions)

const child = spawn(
  process.execPath,
  [
    ...(process.env.BENCH_CPU_PROF === '1' ? ['--cpu-prof', '--cpu-prof-dir=/tmp/prof'] : []),
    '--expose-gc',
    '--conditions=source',
    '--import',
    'tsx',
    new URL('./memory-server.ts', import.meta.url).pathname,
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
)
const port = await new Promise<number>((resolve, reject) => {
  child.stdout.on('data', (chunk: Buffer) => {
    const match = /127\.0\.0\.1:(\d+)/.exec(chunk.toString())
    if (match !== null) resolve(Number(match[1]))
  })
  child.once('exit', () => {
    reject(new Error('memory-server exited'))
  })
})

const pooled = new Agent({ keepAlive: true, maxSockets: 32 })

function call(
  method: string,
  headers: Record<string, string>,
  body?: unknown,
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  text: string
}> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: '127.0.0.1', port, path: '/mcp', method, headers, agent: pooled },
      (response) => {
        let text = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (text += chunk))
        response.on('end', () => {
          resolve({ status: response.statusCode ?? 0, headers: response.headers, text })
        })
      },
    )
    outgoing.once('error', reject)
    outgoing.end(body === undefined ? undefined : JSON.stringify(body))
  })
}

async function memory(): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    request({ host: '127.0.0.1', port, path: '/__memory', agent: pooled }, (response) => {
      let text = ''
      response.on('data', (chunk: Buffer) => (text += chunk.toString()))
      response.on('end', () => {
        resolve(JSON.parse(text) as Record<string, number>)
      })
    })
      .once('error', reject)
      .end()
  })
}

const json = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' }
let received = 0
let onReceived: (() => void) | undefined
const marker = 'bench-broadcast-marker'
const markerBytes = Buffer.from(marker)
const readBuffer = Buffer.alloc(64 * 1024)

async function openSession(): Promise<string> {
  const init = await call('POST', json, {
    jsonrpc: '2.0',
    id: 1,
    method: 'initialize',
    params: {
      protocolVersion: '2025-11-25',
      capabilities: {},
      clientInfo: { name: 'bench', version: '1' },
    },
  })
  const id = String(init.headers['mcp-session-id'])
  await call(
    'POST',
    { ...json, 'mcp-session-id': id },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
  )
  // A raw socket per stream, read into one shared buffer (`onread`: no Buffer and no stream
  // machinery per read): the load generator must cost less than the server it measures.
  await new Promise<void>((resolve, reject) => {
    const socket = connect(
      {
        port,
        host: '127.0.0.1',
        onread: {
          buffer: readBuffer,
          callback: (bytes) => {
            if (readBuffer.subarray(0, bytes).includes(markerBytes)) {
              received += 1
              onReceived?.()
            }
            return true
          },
        },
      },
      () => {
        socket.write(
          `GET /mcp HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAccept: text/event-stream\r\nmcp-session-id: ${id}\r\n\r\n`,
        )
        resolve()
      },
    )
    socket.once('error', reject)
  })
  return id
}

const before = await memory()
const ids: string[] = []
for (let start = 0; start < sessions; start += 100) {
  const batch = await Promise.all(
    Array.from({ length: Math.min(100, sessions - start) }, () => openSession()),
  )
  ids.push(...batch)
}
await new Promise((resolve) => setTimeout(resolve, 500))
const after = await memory()
const kib = (bytes: number) => (bytes / 1024 / sessions).toFixed(2)
console.log(`sessions open: ${after.sessions}`)
console.log(
  `per idle session with an open stream: heap ${kib(after.heapUsed! - before.heapUsed!)} KiB, ` +
    `heap+external ${kib(after.heapUsed! + after.external! - before.heapUsed! - before.external!)} KiB, ` +
    `rss ${kib(after.rss! - before.rss!)} KiB (target <= 12 KiB)`,
)

for (let round = 0; round < 3; round++) {
  received = 0
  const done = new Promise<void>((resolve) => {
    onReceived = () => {
      if (received === sessions) resolve()
    }
  })
  const started = performance.now()
  const answer = call(
    'POST',
    { ...json, 'mcp-session-id': ids[0]! },
    {
      jsonrpc: '2.0',
      id: 2 + round,
      method: 'tools/call',
      params: { name: 'broadcast', arguments: { message: `${marker}-${round}` } },
    },
  )
  await done
  const elapsed = performance.now() - started
  const { text } = await answer
  const fanOut = /fanOutMs\\":([\d.]+)/.exec(text)?.[1]
  const flushed = /flushedMs\\":([\d.]+)/.exec(text)?.[1]
  console.log(
    `broadcast ${round + 1}: all ${sessions} streams got it in ${elapsed.toFixed(1)} ms ` +
      `(server: ${Number(fanOut).toFixed(1)} ms to queue every write, ` +
      `${Number(flushed).toFixed(1)} ms until the kernel has them all; target <= 100 ms)`,
  )
}

child.kill('SIGTERM')
await new Promise((resolve) => child.once('exit', resolve))
process.exit(0)

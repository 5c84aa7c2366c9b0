/**
 * What one `tools/call` costs the client process itself: CPU microseconds per call (user +
 * system, from `process.cpuUsage()`), next to calls per second. On a busy machine calls per second
 * swing with the scheduler, while the client's own CPU per call stays put, so this is the figure
 * to compare when changing the client's hot path.
 *
 * `node --conditions=source --import tsx bench/cpu-per-call.ts --url http://127.0.0.1:3002/mcp
 * [--clients ours,sdk-v1,sdk-v2,fetch,ours@<copy of src>] [--inflight 1,32] [--calls 3000] [--rounds 3]`
 *
 * Each client runs in its own child process (this file again, with `--child`), one after the
 * other, `--rounds` times, so a load spike hits every client in turn. Start the server first,
 * e.g. `apps/bench-server`: `node --conditions=source --import tsx src/main.ts --port 3002`.
 * @module
 */
import { execFileSync } from 'node:child_process'
import { resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { parseArgs } from 'node:util'
import type { connect } from '../src/index.js'

interface Echoing {
  echo(message: string): Promise<void>
  close(): Promise<void>
}

const CLIENT_INFO = { name: 'cpu-per-call', version: '0.0.0' }

function check(result: unknown, message: string): void {
  const content = (result as { content?: { text?: unknown }[] }).content
  if (content?.[0]?.text !== message) throw new Error(`unexpected result ${JSON.stringify(result)}`)
}

async function open(kind: string, url: string): Promise<Echoing> {
  if (kind === 'ours' || kind.startsWith('ours@')) {
    // `ours@<dir>`: another copy of src/ (say, the last commit's) to compare with.
    const { connect: connectOurs } = (
      kind === 'ours'
        ? await import('../src/index.js')
        : await import(pathToFileURL(resolve(kind.slice(5), 'index.ts')).href)
    ) as { connect: typeof connect }
    const client = await connectOurs(url, { transport: 'streamable-http', clientInfo: CLIENT_INFO })
    return {
      echo: async (message) => {
        check(await client.callTool('echo', { message }), message)
      },
      close: () => client.close(),
    }
  }
  if (kind === 'sdk-v1') {
    return official(
      '@modelcontextprotocol/sdk/client/index.js',
      '@modelcontextprotocol/sdk/client/streamableHttp.js',
      url,
    )
  }
  if (kind === 'sdk-v2') {
    return official('@modelcontextprotocol/client', '@modelcontextprotocol/client', url)
  }
  if (kind === 'fetch') return rawFetch(url)
  throw new Error(`unknown client ${kind}`)
}

interface OfficialClient {
  connect(transport: unknown): Promise<void>
  callTool(params: { name: string; arguments: Record<string, unknown> }): Promise<unknown>
  close(): Promise<void>
}

/**
 * An official client. The specifiers are variables: the SDK's client types pull in eventsource's
 * TypeScript sources, which do not type-check under this package's settings.
 */
async function official(clientModule: string, transportModule: string, url: string) {
  const { Client } = (await import(clientModule)) as {
    Client: new (info: typeof CLIENT_INFO) => OfficialClient
  }
  const { StreamableHTTPClientTransport } = (await import(transportModule)) as {
    StreamableHTTPClientTransport: new (url: URL) => unknown
  }
  const client = new Client(CLIENT_INFO)
  await client.connect(new StreamableHTTPClientTransport(new URL(url)))
  return {
    echo: async (message: string) => {
      check(await client.callTool({ name: 'echo', arguments: { message } }), message)
    },
    close: () => client.close(),
  }
}

/** The floor: `initialize`, then each call one bare `fetch` POST and `response.json()`. */
async function rawFetch(url: string): Promise<Echoing> {
  const post = (body: object, session?: string) =>
    fetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
        ...(session === undefined
          ? {}
          : { 'mcp-session-id': session, 'mcp-protocol-version': '2025-11-25' }),
      },
      body: JSON.stringify(body),
    })
  const params = { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: CLIENT_INFO }
  const init = await post({ jsonrpc: '2.0', id: 0, method: 'initialize', params })
  await init.text()
  const session = init.headers.get('mcp-session-id') ?? undefined
  await (await post({ jsonrpc: '2.0', method: 'notifications/initialized' }, session)).text()
  let id = 1
  return {
    echo: async (message) => {
      const arguments_ = { message }
      const call = {
        jsonrpc: '2.0',
        id: id++,
        method: 'tools/call',
        params: { name: 'echo', arguments: arguments_ },
      }
      const response = await post(call, session)
      check(((await response.json()) as { result: unknown }).result, message)
    },
    close: () => Promise.resolve(),
  }
}

/** `calls` calls with `inFlight` of them in flight; the first tenth warms up and is not counted. */
async function measure(client: Echoing, inFlight: number, calls: number) {
  const run = async (count: number) => {
    let next = 0
    const worker = async () => {
      while (next++ < count) await client.echo('hello')
    }
    await Promise.all(Array.from({ length: inFlight }, worker))
  }
  await run(Math.ceil(calls / 10))
  const cpu = process.cpuUsage()
  const start = performance.now()
  await run(calls)
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  return { rate: calls / seconds, cpuUs: (used.user + used.system) / calls }
}

async function child(kind: string, url: string, inFlight: number, calls: number) {
  const client = await open(kind, url)
  const result = await measure(client, inFlight, calls)
  await client.close()
  process.stdout.write(`${JSON.stringify(result)}\n`)
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN
}

function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      clients: { type: 'string', default: 'ours,sdk-v1,sdk-v2' },
      inflight: { type: 'string', default: '1,32' },
      calls: { type: 'string', default: '3000' },
      rounds: { type: 'string', default: '3' },
      child: { type: 'string' },
    },
  })
  if (values.url === undefined) throw new Error('--url is required')
  const calls = Number(values.calls)
  if (values.child !== undefined) {
    return child(values.child, values.url, Number(values.inflight), calls)
  }
  const self = fileURLToPath(import.meta.url)
  const clients = values.clients.split(',')
  for (const inFlight of values.inflight.split(',').map(Number)) {
    const results = new Map<string, { rate: number; cpuUs: number }[]>()
    for (let round = 0; round < Number(values.rounds); round++) {
      for (const kind of clients) {
        const args = ['--conditions=source', '--import', 'tsx', self, '--url', values.url]
        args.push('--child', kind, '--inflight', String(inFlight), '--calls', String(calls))
        const line = execFileSync(process.execPath, args, {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
        })
          .trim()
          .split('\n')
        const result = JSON.parse(line.at(-1) ?? '{}') as { rate: number; cpuUs: number }
        results.set(kind, [...(results.get(kind) ?? []), result])
      }
    }
    const base = median((results.get(clients[1] ?? '') ?? []).map((r) => r.cpuUs))
    for (const [kind, runs] of results) {
      const cpu = median(runs.map((r) => r.cpuUs))
      const rate = median(runs.map((r) => r.rate))
      const ratio = clients.length > 1 ? `  cpu vs ${clients[1]}: ${(cpu / base).toFixed(2)}x` : ''
      console.log(
        `@${inFlight}  ${kind.padEnd(7)} ${rate.toFixed(0).padStart(6)} calls/s  ${cpu.toFixed(0).padStart(5)} µs CPU/call${ratio}`,
      )
    }
  }
  return undefined
}

await main()

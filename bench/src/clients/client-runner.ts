/**
 * Runs one MCP client in its own process (a fresh heap and JIT for each client) against a
 * server, calls `echo` in a closed loop with N calls in flight on one connected client, and
 * prints one JSON line with what it measured.
 *
 * `node --import tsx client-runner.ts --client ours|ours-fetch|sdk-v1|sdk-v2 --url <url>
 * --inflight <n> --warmup <ms> --duration <ms>`
 *
 * `ours` is `@mcp-sse/client` with `nodeFetch` from `@mcp-sse/client-node`; `ours-fetch` is the
 * same client on Node's global fetch.
 * @module
 */
import { runClosedLoop } from '../load/loops.js'
import { checkEcho, CLIENT_INFO, ECHO_MESSAGE } from '../mcp/messages.js'

/** The one thing the benchmark asks of a client. */
interface BenchClient {
  echo(message: string): Promise<void>
  close(): Promise<void>
}

/** What the runner prints. */
export type RunnerOutput =
  | {
      ok: true
      rate: number
      p50: number
      p99: number
      /** The client process's CPU (user + system) per call answered in the window, in µs. */
      cpu: number
      errors: number
      firstError?: string
    }
  | { ok: false; unavailable: boolean; error: string }

async function official1(url: string): Promise<BenchClient> {
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js')
  const { StreamableHTTPClientTransport } =
    await import('@modelcontextprotocol/sdk/client/streamableHttp.js')
  const client = new Client({ ...CLIENT_INFO })
  await client.connect(new StreamableHTTPClientTransport(new URL(url)))
  return {
    echo: async (message) => {
      const result = await client.callTool({ name: 'echo', arguments: { message } })
      checkEcho(result, message)
    },
    close: () => client.close(),
  }
}

async function official2(url: string): Promise<BenchClient> {
  const { Client, StreamableHTTPClientTransport } = await import('@modelcontextprotocol/client')
  const client = new Client({ ...CLIENT_INFO })
  await client.connect(new StreamableHTTPClientTransport(new URL(url)))
  return {
    echo: async (message) => {
      const result = await client.callTool({ name: 'echo', arguments: { message } })
      checkEcho(result, message)
    },
    close: () => client.close(),
  }
}

/** Thrown when our client is not there yet; reported as "not available yet", not as a failure. */
class Unavailable extends Error {}

async function ours(url: string, fetch: 'node' | 'global'): Promise<BenchClient> {
  // A variable specifier keeps the type-checker out of a package that is still being written.
  const specifier = '@mcp-sse/client'
  let module: { connect?: unknown }
  try {
    module = (await import(specifier)) as { connect?: unknown }
  } catch (error) {
    throw new Unavailable(`@mcp-sse/client does not load yet: ${(error as Error).message}`)
  }
  if (typeof module.connect !== 'function') {
    throw new Unavailable('@mcp-sse/client has no connect() export yet')
  }
  type Connected = {
    callTool(name: string, args: Record<string, unknown>): Promise<Record<string, unknown>>
    close(): Promise<void>
  }
  const connect = module.connect as (url: string, options: object) => Promise<Connected>
  const options: Record<string, unknown> = {
    // The same wire as the official clients: 2025-11-25 Streamable HTTP with a session, no
    // 2026-07-28 probe.
    transport: 'streamable-http',
    era: 'legacy',
    clientInfo: CLIENT_INFO,
  }
  if (fetch === 'node') {
    const specifierNode = '@mcp-sse/client-node'
    try {
      options.fetch = ((await import(specifierNode)) as { nodeFetch: unknown }).nodeFetch
    } catch (error) {
      throw new Unavailable(`@mcp-sse/client-node does not load: ${(error as Error).message}`)
    }
  }
  const client = await connect(url, options)
  return {
    echo: async (message) => {
      checkEcho(await client.callTool('echo', { message }), message)
    },
    close: () => client.close(),
  }
}

function argument(name: string): string {
  const index = process.argv.indexOf(name)
  const value = index === -1 ? undefined : process.argv[index + 1]
  if (value === undefined) throw new Error(`client-runner needs ${name}`)
  return value
}

async function main(): Promise<RunnerOutput> {
  const kind = argument('--client')
  const url = argument('--url')
  const inFlight = Number(argument('--inflight'))
  const connectors: Record<string, (url: string) => Promise<BenchClient>> = {
    ours: (url) => ours(url, 'node'),
    'ours-fetch': (url) => ours(url, 'global'),
    'sdk-v1': official1,
    'sdk-v2': official2,
  }
  const connector = connectors[kind]
  if (connector === undefined) throw new Error(`unknown client ${kind}`)
  let client: BenchClient
  try {
    client = await connector(url)
  } catch (error) {
    return { ok: false, unavailable: error instanceof Unavailable, error: (error as Error).message }
  }
  const warmupMs = Number(argument('--warmup'))
  // CPU from the end of the warm-up to the last answer, over the calls answered in that time.
  let cpuStart: NodeJS.CpuUsage | undefined
  let measured = 0
  const timer = setTimeout(() => {
    cpuStart = process.cpuUsage()
  }, warmupMs)
  const loop = await runClosedLoop({
    workers: inFlight,
    warmupMs,
    durationMs: Number(argument('--duration')),
    call: async () => {
      await client.echo(ECHO_MESSAGE)
      if (cpuStart !== undefined) measured++
    },
  })
  clearTimeout(timer)
  const cpu = cpuStart === undefined ? undefined : process.cpuUsage(cpuStart)
  await client.close().catch(() => undefined)
  const output: RunnerOutput = {
    ok: true,
    rate: loop.rate,
    p50: loop.latency.p50,
    p99: loop.latency.p99,
    cpu: cpu === undefined || measured === 0 ? NaN : (cpu.user + cpu.system) / measured,
    errors: loop.errors,
  }
  if (loop.firstError !== undefined) output.firstError = loop.firstError
  return output
}

// Started by the harness with an IPC channel: leave when it goes away.
process.on('disconnect', () => {
  process.exit(0)
})
process.channel?.unref()

main().then(
  (output) => {
    process.stdout.write(`${JSON.stringify(output)}\n`)
    process.exit(0)
  },
  (error: unknown) => {
    const output: RunnerOutput = { ok: false, unavailable: false, error: String(error) }
    process.stdout.write(`${JSON.stringify(output)}\n`)
    process.exit(1)
  },
)

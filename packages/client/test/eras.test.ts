/**
 * The same user code against servers of every era, through `connect()`: 2026-07-28 (our
 * `McpServer`, the official v2 `createMcpHandler`), 2025 (our `McpServer` through `initialize`,
 * the official SDK 1.x Streamable HTTP transport) and 2024 (HTTP+SSE). Then the fallback chain:
 * a 2025-only server makes `connect()` fall back from the 2026 probe to `initialize`, an
 * HTTP+SSE-only server falls through to HTTP+SSE.
 */
import { afterEach, describe, expect, it } from 'vitest'
import {
  connect,
  type ConnectOptions,
  type McpClient,
  type ToolEvent,
  type TransportKind,
  type TransportMemory,
} from '../src/index.js'
import {
  startOfficialV2,
  startOwn,
  startSdkStreamable,
  type EraServer,
} from './fixtures/era-servers.js'
import { startSse } from './fixtures/official-server.js'

const cleanup: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

function mapMemory(known: Map<string, TransportKind>): TransportMemory {
  return {
    get: (url) => known.get(url),
    set: (url, kind) => {
      known.set(url, kind)
    },
  }
}

function text(result: { content: unknown[] }): string {
  return result.content.map((block) => (block as { text?: string }).text ?? '').join('')
}

interface EraCase {
  name: string
  start: () => Promise<EraServer>
  /** What `client.transport` reports. */
  wire: 'stateless' | 'streamable-http' | 'sse'
  /** Connection options only: never the calls. */
  options?: ConnectOptions
}

const cases: EraCase[] = [
  { name: '2026-07-28: our McpServer', start: () => startOwn(), wire: 'stateless' },
  { name: '2026-07-28: official v2 createMcpHandler', start: startOfficialV2, wire: 'stateless' },
  {
    name: '2025-11-25: our McpServer through initialize',
    start: () => startOwn(),
    wire: 'streamable-http',
    options: { era: 'legacy' },
  },
  {
    name: '2025-11-25: official SDK 1.x StreamableHTTPServerTransport',
    start: startSdkStreamable,
    wire: 'streamable-http',
  },
  { name: '2024-11-05: HTTP+SSE (our McpServer)', start: () => startOwn('/sse'), wire: 'sse' },
]

describe.each(cases)('the same user code against $name', ({ start, wire, options }) => {
  it('lists and calls tools, reports progress, streams, elicits once, hears list changes', async () => {
    const server = await start()
    cleanup.push(() => server.close())
    let asked = 0
    const client: McpClient = await connect(server.url, {
      memory: false,
      ...options,
      onElicitation: () => {
        asked++
        return { action: 'accept', content: {} }
      },
    })
    cleanup.push(() => client.close())
    expect(client.transport).toBe(wire)

    // ---- user code: identical for every era ----
    const { tools } = await client.listTools()
    expect(tools.map((tool) => tool.name)).toEqual(
      expect.arrayContaining(['echo', 'slow', 'confirm']),
    )
    expect(text(await client.callTool('echo', { text: 'hi' }))).toBe('hi')

    const progress: number[] = []
    const slow = await client.callTool(
      'slow',
      { steps: 3 },
      { onProgress: (p) => progress.push(p.progress) },
    )
    expect(text(slow)).toBe('done after 3 steps')
    expect(progress).toEqual([1, 2, 3])

    await client.setLoggingLevel('info')
    const events: ToolEvent[] = []
    for await (const event of client.streamTool('slow', { steps: 2 })) events.push(event)
    expect(events.filter((event) => event.type === 'progress')).toHaveLength(2)
    expect(events.at(-1)).toMatchObject({ type: 'result' })

    const confirmed = await client.callTool('confirm', { action: 'deploy' })
    expect(text(confirmed)).toMatch(/^deploy: \{"confirmed":true,"by":"nobody"\}/)
    expect(asked).toBe(1)

    const changed: string[] = []
    client.onNotification('notifications/tools/list_changed', () => {
      changed.push('tools')
    })
    // The 2026 listen stream (or the 2025 GET stream) is opened in the background after connect.
    await new Promise((resolve) => setTimeout(resolve, 100))
    server.announce()
    await expect.poll(() => changed).toEqual(['tools'])
    expect((await client.listTools()).tools.map((tool) => tool.name)).toContain('extra')
  })
})

describe('the fallback chain', () => {
  it('falls back from the 2026 probe to initialize on a server that only speaks 2025', async () => {
    const server = await startSdkStreamable()
    cleanup.push(() => server.close())
    const client = await connect(server.url, { memory: false })
    cleanup.push(() => client.close())
    expect(client.transport).toBe('streamable-http')
    expect(client.sessionId).toBeDefined()
    expect(server.methods().slice(0, 2)).toEqual(['server/discover', 'initialize'])
    expect(text(await client.callTool('echo', { text: 'old' }))).toBe('old')
  })

  it('falls through to HTTP+SSE on a server that only speaks HTTP+SSE', async () => {
    const server = await startSse()
    cleanup.push(() => server.close())
    const client = await connect(server.url, { memory: false })
    cleanup.push(() => client.close())
    expect(client.transport).toBe('sse')
    expect(text(await client.callTool('echo', { text: 'older' }))).toBe('older')
  })

  it('remembers what a URL spoke and fails with era: modern on a 2025 server', async () => {
    const server = await startSdkStreamable()
    cleanup.push(() => server.close())
    const memory = new Map<string, TransportKind>()
    const remembering = mapMemory(memory)
    const first = await connect(server.url, { memory: remembering })
    cleanup.push(() => first.close())
    expect(memory.get(server.url)).toBe('streamable-http')
    const probes = server.methods().filter((method) => method === 'server/discover').length
    const second = await connect(server.url, { memory: remembering })
    cleanup.push(() => second.close())
    expect(server.methods().filter((method) => method === 'server/discover')).toHaveLength(probes)
    await expect(connect(server.url, { memory: false, era: 'modern' })).rejects.toThrow(
      /does not speak MCP 2026-07-28/,
    )
  })

  it('remembers a 2026 server as stateless', async () => {
    const server = await startOwn()
    cleanup.push(() => server.close())
    const memory = new Map<string, TransportKind>()
    const client = await connect(server.url, { memory: mapMemory(memory) })
    cleanup.push(() => client.close())
    expect(memory.get(server.url)).toBe('stateless')
    expect(server.methods()).not.toContain('initialize')
  })
})

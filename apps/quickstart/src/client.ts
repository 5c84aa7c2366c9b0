/**
 * The client side of the demo: connect with an API key, then use every feature of the server.
 * Each function says what it does through `say`, one line at a time.
 * @module
 */
import {
  connect,
  type CallToolResult,
  type McpClient,
  type Progress,
  type ToolEvent,
  type TransportKind,
} from '@mcp-sse/client'

/** Where a step of the demo tells its story. */
export type Say = (line: string) => void

/** Options of {@link connectClient}. */
export interface ClientOptions {
  /** The Streamable HTTP URL, or the HTTP+SSE URL (`.../sse`) with `transport: 'sse'`. */
  url: string
  /** Sent as `Authorization: Bearer <apiKey>` on every request, streams included. */
  apiKey: string
  /** @default 'auto' (Streamable HTTP, falling back to HTTP+SSE) */
  transport?: 'auto' | TransportKind
  /** Who the client says it is in `initialize`. @default 'quickstart-client' */
  name?: string
  /** The protocol version asked for. @default the newest the client speaks */
  protocolVersion?: string
}

/**
 * Connects with the API key as a header.
 *
 * @example
 * ```ts
 * const client = await connectClient({ url: 'http://127.0.0.1:3000/mcp', apiKey: 'demo-key' })
 * ```
 */
export function connectClient(options: ClientOptions): Promise<McpClient> {
  return connect(options.url, {
    transport: options.transport ?? 'auto',
    // Server push (the clock broadcast, announcements) needs a session's standalone stream, which
    // 2024 and 2025 servers have and the stateless 2026-07-28 revision does not.
    era: 'legacy',
    headers: { authorization: `Bearer ${options.apiKey}` },
    clientInfo: { name: options.name ?? 'quickstart-client', version: '1.0.0' },
    protocolVersion: options.protocolVersion,
    // Longer than the server's keep-alive interval (15 s by default): a silent stream is dead.
    keepAliveTimeout: 45_000,
    timeout: 10_000,
  })
}

/** What {@link tour} saw. */
export interface TourReport {
  /** The tool names from `tools/list`. */
  tools: string[]
  /** `structuredContent.sum` of `add {a: 2, b: 3}`. */
  sum: unknown
  /** Every `onProgress` update of `countdown {from: 3}`. */
  progress: Progress[]
  /** The text of that call's result. */
  countdown: string
  /** Every event `streamTool('countdown', {from: 2})` yielded, the result last. */
  streamed: ToolEvent[]
  /** The parsed `quickstart://status` resource. */
  status: unknown
  /** The text of the `explain` prompt. */
  prompt: string
  /** The data of the first `clock` broadcast. */
  clock: unknown
}

/**
 * Uses everything the quickstart server offers: tools (plain, with progress, streamed), the
 * resource, the prompt, and the periodic broadcast.
 */
export async function tour(client: McpClient, say: Say): Promise<TourReport> {
  const clock = nextMessage(client, 'clock', 5_000)

  const { tools } = await client.listTools()
  say(`tools/list -> ${tools.map((tool) => tool.name).join(', ')}`)

  const added = await client.callTool('add', { a: 2, b: 3 })
  say(`callTool add {a: 2, b: 3} -> structuredContent ${JSON.stringify(added.structuredContent)}`)

  const progress: Progress[] = []
  const counted = await client.callTool(
    'countdown',
    { from: 3 },
    {
      onProgress: (update) => {
        progress.push(update)
        say(`  onProgress ${update.progress}/${update.total ?? '?'} ${update.message ?? ''}`)
      },
    },
  )
  say(`callTool countdown {from: 3} -> "${textOf(counted)}"`)

  say('streamTool countdown {from: 2}:')
  const streamed: ToolEvent[] = []
  for await (const event of client.streamTool('countdown', { from: 2 })) {
    streamed.push(event)
    say(`  ${describeEvent(event)}`)
  }

  const read = await client.readResource('quickstart://status')
  const statusText = read.contents
    .map((content) => ('text' in content ? content.text : ''))
    .join('')
  const status: unknown = JSON.parse(statusText)
  say(`readResource quickstart://status -> ${statusText}`)

  const prompt = await client.getPrompt('explain', { topic: 'MCP', audience: 'a Hono developer' })
  const promptText = prompt.messages
    .map((message) => (message.content.type === 'text' ? message.content.text : ''))
    .join('\n')
  say(`getPrompt explain -> ${prompt.messages[0]?.role ?? '?'}: "${promptText}"`)

  say('waiting for the server clock broadcast...')
  const tick = await clock
  say(`broadcast notifications/message [clock] ${JSON.stringify(tick)}`)

  return {
    tools: tools.map((tool) => tool.name),
    sum: added.structuredContent?.sum,
    progress,
    countdown: textOf(counted),
    streamed,
    status,
    prompt: promptText,
    clock: tick,
  }
}

/** What {@link legacyVisit} saw. */
export interface LegacyReport {
  /** `'sse'`. */
  transport: TransportKind
  /** What `initialize` agreed on: `2024-11-05`. */
  protocolVersion: string
  /** The text of `add {a: 20, b: 22}`. */
  added: string
  /** The text of the `announce` result. */
  announced: string
}

/**
 * Connects a second client over HTTP+SSE (2024-11-05, forced), adds two numbers and announces
 * itself to everyone connected.
 */
export async function legacyVisit(sseUrl: string, apiKey: string, say: Say): Promise<LegacyReport> {
  const client = await connectClient({
    url: sseUrl,
    apiKey,
    transport: 'sse',
    // What a client of the 2024-11-05 generation (pymcp-sse, fastapi-mcp-client) asks for.
    protocolVersion: '2024-11-05',
    name: 'quickstart-legacy-client',
  })
  try {
    say(`connected to ${client.url} over ${client.transport} (${client.protocolVersion})`)
    const added = await client.callTool('add', { a: 20, b: 22 })
    say(`callTool add {a: 20, b: 22} -> "${textOf(added)}"`)
    const announced = await client.callTool('announce', { message: 'hello from HTTP+SSE' })
    say(`callTool announce -> "${textOf(announced)}"`)
    return {
      transport: client.transport,
      protocolVersion: client.protocolVersion,
      added: textOf(added),
      announced: textOf(announced),
    }
  } finally {
    await client.close()
  }
}

/**
 * Resolves with the data of the next `notifications/message` from `logger`; rejects after
 * `timeoutMs` with an error that says what did not arrive.
 */
export function nextMessage(
  client: McpClient,
  logger: string,
  timeoutMs: number,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop()
      reject(new Error(`No '${logger}' notification from ${client.url} within ${timeoutMs} ms`))
    }, timeoutMs)
    const stop = client.onNotification('notifications/message', (params) => {
      if (params.logger !== logger) return
      clearTimeout(timer)
      stop()
      resolve(params.data)
    })
  })
}

/** The text blocks of a tool result, joined. */
export function textOf(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('')
}

function describeEvent(event: ToolEvent): string {
  switch (event.type) {
    case 'progress':
      return `progress ${event.progress}/${event.total ?? '?'} ${event.message ?? ''}`
    case 'log':
      return `log [${event.logger ?? '-'}] ${event.level}: ${JSON.stringify(event.data)}`
    case 'partial':
      return `${event.method} ${JSON.stringify(event.params)}`
    case 'result':
      return `result "${textOf(event.result)}"`
  }
}

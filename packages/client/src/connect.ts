/**
 * `connect()`: negotiate the era, detect the transport, initialise, and hand back a client that
 * heals itself.
 * @module
 */
import {
  LATEST_LEGACY_PROTOCOL_VERSION,
  LATEST_PROTOCOL_VERSION,
  LocalError,
} from '@mcp-sse/protocol'
import { McpClient } from './client/client.js'
import { RequestFollowers } from './client/notifications.js'
import {
  clientCapabilities,
  registerServerRequests,
  type ServerRequestOptions,
} from './client/server-requests.js'
import type { Implementation } from './client/types.js'
import {
  HttpClient,
  type AuthProvider,
  type FetchFunction,
  type HeadersOption,
  type HttpHooks,
} from './http/http-client.js'
import { modernClientCapabilities } from './modern/meta.js'
import { ModernTransport } from './modern/modern-transport.js'
import { negotiateEra, type EraNegotiation, type EraOption } from './modern/negotiate.js'
import { Session } from './session/session.js'
import { HttpSseTransport } from './transport/http-sse.js'
import { defaultTransportMemory, type TransportMemory } from './transport/memory.js'
import { resolveReconnect, type ReconnectOptions } from './transport/reconnect.js'
import { StreamableHttpTransport } from './transport/streamable-http.js'
import type { ClientTransport, TransportKind } from './transport/types.js'

/** Options of {@link connect}. The HTTP ones apply to every request the client makes. */
export interface ConnectOptions extends ServerRequestOptions {
  /**
   * Which wire to speak. `auto` negotiates the era (see `era`), then tries Streamable HTTP and
   * falls back to HTTP+SSE when the server answers `400`, `404` or `405`, and remembers the
   * answer in `memory`. `stateless` is the 2026-07-28 wire only.
   * @default 'auto'
   */
  transport?: 'auto' | TransportKind | undefined
  /**
   * Which protocol era to speak. `auto` sends a 2026-07-28 `server/discover` first and falls back
   * to `initialize` (then HTTP+SSE) when the server predates it; `modern` fails instead of falling
   * back; `legacy` never probes. A `transport` other than `auto` implies it (`stateless` = modern).
   * @default 'auto'
   * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/versioning
   */
  era?: EraOption | undefined
  /**
   * 2026-07-28: reuse `server/discover`, list and `resources/read` results while their `ttlMs`
   * says they are fresh (a `list_changed` or `resources/updated` notification drops them early).
   * @default true
   */
  cache?: boolean | undefined
  /**
   * 2026-07-28: how many `input_required` rounds one call may take before it fails.
   * @default 10
   */
  maxInputRounds?: number | undefined
  /**
   * The `fetch` to send requests with, in the standard `(input, init)` shape. On Node,
   * `nodeFetch` from `@mcp-sse/client-node` costs a fraction of the CPU of the global one; pass
   * `(input, init) => app.request(input, init)` to talk to a Hono app in the same process.
   * @default globalThis.fetch
   * @example
   * ```ts
   * import { nodeFetch } from '@mcp-sse/client-node'
   * const client = await connect('http://localhost:3000/mcp', { fetch: nodeFetch })
   * ```
   */
  fetch?: FetchFunction | undefined
  /** Headers for every request: fixed, or a function called for each request. */
  headers?: HeadersOption | undefined
  /** Adds credentials to every request and answers `401` (the OAuth client plugs in here). */
  authProvider?: AuthProvider | undefined
  /** Observe every HTTP request and response. */
  hooks?: HttpHooks | undefined
  /**
   * How many times an HTTP request is repeated when the connection fails (for requests that
   * are not safe to repeat, only when the connection was refused).
   * @default 2
   */
  retry?: number | undefined
  /**
   * Milliseconds a request waits for its response; progress restarts the clock.
   * @default 60000
   */
  timeout?: number | undefined
  /** The longest any request may take, progress or not, in milliseconds. @default no limit */
  maxTotalTimeout?: number | undefined
  /**
   * Milliseconds to wait for a stream to open, an `endpoint` event, or a notification to be
   * accepted.
   * @default 30000
   */
  connectTimeout?: number | undefined
  /**
   * Treat a stream on which nothing (no event, no comment) arrived for this many milliseconds
   * as dead, and resume it. Set it longer than the server's keep-alive interval.
   * @default undefined (streams are trusted until they close)
   */
  keepAliveTimeout?: number | undefined
  /** How broken streams are resumed and reopened, and a lost session re-established. */
  reconnect?: ReconnectOptions | undefined
  /**
   * How many times one request is sent again after the session was lost under it, when that is
   * safe (the server never ran it, or running it twice is harmless).
   * @default 2
   */
  sessionRetries?: number | undefined
  /** @default { name: '@mcp-sse/client', version: '0.0.0' } */
  clientInfo?: Implementation | undefined
  /**
   * The protocol version asked for in `initialize` (2024 and 2025 servers).
   * @default '2025-11-25', or the newest legacy version a 2026 probe's answer listed
   */
  protocolVersion?: string | undefined
  /**
   * Check a tool's structured content against its output schema (for tools `listTools` saw).
   * @default true
   */
  validateStructuredContent?: boolean | undefined
  /** Where detection results are remembered; `false` to detect every time. */
  memory?: TransportMemory | false | undefined
  /**
   * Told about failures no caller awaits: a stream that cannot be reopened, a notification
   * listener that threw, a session that could not be re-established.
   * @default nothing
   */
  onError?: ((error: Error) => void) | undefined
  /** Aborts connecting. */
  signal?: AbortSignal | undefined
}

const FALLBACK_STATUSES = [400, 404, 405]

const DEFAULT_CLIENT_INFO: Implementation = { name: '@mcp-sse/client', version: '0.0.0' }

/**
 * Connects to an MCP server: detects the transport, initialises, opens the stream for
 * server-initiated messages, and returns a client that re-establishes all of it when it breaks.
 *
 * @example
 * ```ts
 * const client = await connect('https://example.com/mcp', { headers: { 'x-api-key': key } })
 * const { tools } = await client.listTools()
 * ```
 */
export async function connect(url: string | URL, options: ConnectOptions = {}): Promise<McpClient> {
  const href = new URL(url).href
  const http = new HttpClient({
    fetch: options.fetch,
    headers: options.headers,
    authProvider: options.authProvider,
    hooks: options.hooks,
    retry: options.retry,
  })
  const memory = options.memory === false ? undefined : (options.memory ?? defaultTransportMemory)
  const choice = options.transport ?? 'auto'
  let legacyVersion: string | undefined
  let rememberedLegacy: 'streamable-http' | 'sse' | undefined
  if (choice === 'auto' || choice === 'stateless') {
    const negotiated = await negotiateEra({
      url: href,
      http,
      memory: memory ?? false,
      era: choice === 'stateless' ? 'modern' : (options.era ?? 'auto'),
      identity: {
        protocolVersion: LATEST_PROTOCOL_VERSION,
        capabilities: modernClientCapabilities(clientCapabilities(options)),
        clientInfo: options.clientInfo ?? DEFAULT_CLIENT_INFO,
      },
      timeout: options.connectTimeout,
      signal: options.signal,
    })
    if (negotiated.era === 'modern') return open('stateless', href, http, options, negotiated)
    rememberedLegacy = negotiated.wire
    legacyVersion = negotiated.version
  }
  const legacyOptions =
    legacyVersion === undefined || options.protocolVersion !== undefined
      ? options
      : { ...options, protocolVersion: legacyVersion }
  const candidates = await candidatesFor(href, choice, rememberedLegacy, memory)
  for (let index = 0; ; index++) {
    const kind = candidates[index] ?? 'streamable-http'
    try {
      const client = await open(kind, href, http, legacyOptions)
      await memory?.set(href, kind)
      return client
    } catch (error) {
      const last = index === candidates.length - 1
      if (last || !(error instanceof LocalError) || !isFallbackStatus(error)) throw error
    }
  }
}

async function candidatesFor(
  url: string,
  transport: 'auto' | TransportKind,
  rememberedLegacy: 'streamable-http' | 'sse' | undefined,
  memory: TransportMemory | undefined,
): Promise<TransportKind[]> {
  if (transport !== 'auto') return [transport]
  const remembered = rememberedLegacy ?? (await memory?.get(url))
  return remembered === 'sse' ? ['sse', 'streamable-http'] : ['streamable-http', 'sse']
}

function isFallbackStatus(error: LocalError): boolean {
  return (
    error.type === 'http' && error.status !== undefined && FALLBACK_STATUSES.includes(error.status)
  )
}

async function open(
  kind: TransportKind,
  url: string,
  http: HttpClient,
  options: ConnectOptions,
  negotiated?: EraNegotiation,
): Promise<McpClient> {
  const created: { client?: McpClient } = {}
  const transport: ClientTransport =
    kind === 'stateless'
      ? new ModernTransport({
          url,
          http,
          clientInfo: options.clientInfo ?? DEFAULT_CLIENT_INFO,
          capabilities: clientCapabilities(options),
          protocolVersion: negotiated?.era === 'modern' ? negotiated.version : undefined,
          discover: negotiated?.era === 'modern' ? negotiated.discover : undefined,
          handlers: {
            onSampling: options.onSampling,
            onElicitation: options.onElicitation,
            elicitation: options.elicitation,
            // A getter: `client.setRoots()` changes them after connecting.
            roots: options.roots === undefined ? undefined : () => created.client?.roots,
          },
          cache: options.cache,
          maxInputRounds: options.maxInputRounds,
          connectTimeout: options.connectTimeout,
          keepAliveTimeout: options.keepAliveTimeout,
          reconnect: options.reconnect,
        })
      : kind === 'sse'
        ? new HttpSseTransport({
            url,
            http,
            connectTimeout: options.connectTimeout,
            keepAliveTimeout: options.keepAliveTimeout,
          })
        : new StreamableHttpTransport({
            url,
            http,
            connectTimeout: options.connectTimeout,
            keepAliveTimeout: options.keepAliveTimeout,
            reconnect: options.reconnect,
          })
  const onError = options.onError ?? (() => {})
  const followers = new RequestFollowers()
  const session = new Session({
    transport,
    clientInfo: options.clientInfo ?? DEFAULT_CLIENT_INFO,
    capabilities: clientCapabilities(options),
    protocolVersion: options.protocolVersion ?? LATEST_LEGACY_PROTOCOL_VERSION,
    timeout: options.timeout ?? 60_000,
    maxRetries: options.sessionRetries ?? 2,
    reconnect: resolveReconnect(options.reconnect),
    onMessage: (message, context) => {
      if (context.relatedRequestId === undefined || 'id' in message) return
      const method = (message as { method?: unknown }).method
      if (typeof method !== 'string') return
      const params = (message as { params?: Record<string, unknown> }).params ?? {}
      followers.route(method, params, context)
    },
    onReady: async (initial) => {
      if (!initial) await created.client?.restore()
    },
    onError,
  })
  const client = new McpClient(
    session,
    {
      timeout: options.timeout ?? 60_000,
      maxTotalTimeout: options.maxTotalTimeout,
      validateStructuredContent: options.validateStructuredContent ?? true,
      roots: options.roots,
      onError,
    },
    followers,
  )
  created.client = client
  registerServerRequests(session.peer, options, () => client.roots)
  await session.open(options.signal)
  return client
}

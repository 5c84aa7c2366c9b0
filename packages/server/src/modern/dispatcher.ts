/**
 * One 2026-07-28 HTTP POST, start to finish: envelope, `_meta` and header checks, routing,
 * `server/discover`, `subscriptions/listen`, multi round-trip requests, the result envelope and
 * caching hints, and the JSON or SSE response. Stateless: nothing outlives the request but the
 * signed `requestState` the client carries and the listen streams the bus feeds.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 * @module
 */
import {
  ErrorCode,
  PROTOCOL_VERSIONS,
  detectRequestEra,
  eraOf,
  errorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  parseJsonRpcValue,
  revision,
  toErrorResponse,
  type ErrorObject,
  type ProtocolVersion,
  type RequestId,
} from '@mcp-sse/protocol'
import { ZodObject, z, type ZodType } from 'zod'
import type { KeepAlive } from '../http/keep-alive.js'
import { jsonResponse } from '../http/http-error.js'
import type { MessageBus } from '../state/message-bus.js'
import type { MaybePromise } from '../state/types.js'
import type { Implementation, ServerCapabilities } from '../types.js'
import { cacheHintFor, type CachingOptions, type DefinitionCacheHints } from './caching.js'
import { discoverResult, missingServerCapability } from './discover.js'
import { checkRoutingHeaders } from './headers.js'
import { answerCall, type CallHost, type ClientGoneHook } from './call.js'
import type { ModernInvoker } from './invoker.js'
import { checkModernMeta } from './meta.js'
import { RequestStateCodec, type RequestStateOptions } from './request-state.js'
import type { ModernResponseMode } from './responder.js'
import {
  SubscriptionHub,
  publishResourceUpdated,
  type SubscriptionFilter,
} from './subscriptions.js'

/** Options of {@link ModernDispatcher}. */
export interface ModernDispatcherOptions {
  /** Names the server in `server/discover` and in every result's `_meta`. */
  serverInfo: Implementation
  /** Guidance for the model, in `server/discover`. */
  instructions?: string | undefined
  /** The server's current capabilities (they change as definitions are added). */
  capabilities: () => ServerCapabilities
  /** Runs the era-neutral handlers. */
  invoke: ModernInvoker
  /** Feeds `subscriptions/listen` streams on every instance. */
  bus: MessageBus
  /** Keeps long SSE replies and listen streams open through proxies. */
  keepAlive?: KeepAlive | undefined
  /** The published `inputSchema` of a tool, for its `Mcp-Param-*` headers. */
  toolInputSchema?: ((name: string) => Record<string, unknown> | undefined) | undefined
  /** Per-definition caching hints. */
  cacheHints?: DefinitionCacheHints | undefined
  /** Server-wide caching hints. @default immediately stale, private */
  caching?: CachingOptions | undefined
  /** Keys and lifetime of the signed `requestState`. */
  requestState?: RequestStateOptions | undefined
  /**
   * Every protocol version the server speaks; the modern ones are served here, all are listed
   * in `server/discover` and in `-32022` errors.
   * @default PROTOCOL_VERSIONS
   */
  supportedVersions?: readonly ProtocolVersion[] | undefined
  /** @default 'auto' */
  responseMode?: ModernResponseMode | undefined
  /** @default 1_048_576 */
  maxBufferedBytes?: number | undefined
  /** Receives failures no client can be told about. */
  onError?: ((error: unknown) => void) | undefined
}

/** One POST as the app hands it over. */
export interface ModernHttpRequest {
  /** The body, parsed as JSON. */
  message: unknown
  /** The request's headers. */
  headers: Headers
  /** Aborted when the HTTP request goes away (JSON replies are cancelled by it). */
  signal?: AbortSignal | undefined
  /**
   * A cheaper way than `signal` to learn that the client went away (on Node, the response's
   * `close` event): registers a listener and returns what unregisters it. Used instead of
   * `signal` for method calls when given.
   */
  onClientGone?: ClientGoneHook | undefined
  /** The principal from the app's `identify` hook; binds `requestState`. */
  identity?: string | undefined
  /** How this request is answered (the app's option), over the dispatcher's `responseMode`. */
  responseMode?: ModernResponseMode | undefined
}

/**
 * The params schema of each 2026-07-28 method, with `_meta` left to `checkModernMeta` (which has
 * already validated it when the params are checked), so that nothing is validated twice.
 */
const PARAMS: ReadonlyMap<string, ZodType> = new Map(
  Object.entries(revision('2026-07-28').methods.clientRequests).flatMap(([method, table]) => {
    if (table === undefined) return []
    const schema: ZodType = table.params
    const lean =
      schema instanceof ZodObject && '_meta' in schema.shape
        ? schema.extend({ _meta: z.unknown() })
        : schema
    return [[method, lean] as const]
  }),
)
const REMOVED = new Set([
  'initialize',
  'ping',
  'logging/setLevel',
  'resources/subscribe',
  'resources/unsubscribe',
])

/**
 * Whether a POST to the shared endpoint is a 2026-07-28 request: its `_meta` names a protocol
 * version (the versioning page's rule), or it carries an `MCP-Protocol-Version` header of the
 * modern era (a modern request whose `_meta` is broken must still get the modern `-32602`, not
 * a legacy "missing session" error). Anything else belongs to the legacy transports.
 */
export function isModernRequest(message: unknown, headers: Headers): boolean {
  if (detectRequestEra(message).era === 'modern') return true
  const version = headers.get('mcp-protocol-version')
  return version !== null && eraOf(version) === 'modern'
}

const DEFAULT_HINT = { ttlMs: 0, cacheScope: 'private' } as const

function invalid(message: string): ErrorObject {
  return { code: ErrorCode.InvalidRequest, message }
}

function reply(id: RequestId | undefined, error: ErrorObject, status: number): Response {
  return jsonResponse(errorResponse(id, error.code, error.message, error.data), { status })
}

/**
 * Answers 2026-07-28 requests for one server.
 *
 * @example
 * ```ts
 * const modern = new ModernDispatcher({ serverInfo, capabilities, invoke, bus })
 * app.post('/mcp', async (c) => {
 *   const message = await c.req.json()
 *   if (isModernRequest(message, c.req.raw.headers)) {
 *     return modern.handle({ message, headers: c.req.raw.headers, signal: c.req.raw.signal })
 *   }
 *   // ...the 2025 transport
 * })
 * ```
 */
export class ModernDispatcher {
  /** The open `subscriptions/listen` streams of this instance. */
  readonly subscriptions: SubscriptionHub
  readonly #options: ModernDispatcherOptions
  readonly #host: CallHost
  readonly #supported: readonly ProtocolVersion[]

  constructor(options: ModernDispatcherOptions) {
    this.#options = options
    this.#supported = options.supportedVersions ?? PROTOCOL_VERSIONS
    this.#host = {
      serverInfo: options.serverInfo,
      serverInfoJson: JSON.stringify(options.serverInfo),
      invoke: options.invoke,
      codec: new RequestStateCodec({ audience: options.serverInfo.name, ...options.requestState }),
      caching: options.caching,
      cacheHints: options.cacheHints,
      responseMode: options.responseMode ?? 'auto',
      maxBufferedBytes: options.maxBufferedBytes ?? 1024 * 1024,
      keepAlive: options.keepAlive,
      onError: (error) => {
        options.onError?.(error)
      },
    }
    this.subscriptions = new SubscriptionHub({
      bus: options.bus,
      serverInfo: options.serverInfo,
      keepAlive: options.keepAlive,
      maxBufferedBytes: options.maxBufferedBytes,
    })
  }

  /** Tells the listen streams on every instance that subscribed to `uri` that it changed. */
  resourceUpdated(uri: string): MaybePromise<void> {
    return publishResourceUpdated(this.#options.bus, uri)
  }

  /** Ends every listen stream of this instance gracefully (server shutdown). */
  close(): void {
    this.subscriptions.close()
  }

  /**
   * Answers one POST whose body is a 2026-07-28 message. Never throws: every problem is a
   * JSON-RPC error with the status the transport page fixes (400 for `-32602` request checks,
   * `-32020`, `-32021` and `-32022`; 404 for `-32601`).
   */
  async handle(request: ModernHttpRequest): Promise<Response> {
    const parsed = parseJsonRpcValue(request.message, { batches: false })
    if (!parsed.success) return jsonResponse(parsed.error, { status: 400 })
    const [message] = parsed.messages
    // No client notification is defined over HTTP in 2026-07-28; accepting one is harmless.
    if (isJSONRPCNotification(message)) return new Response(null, { status: 202 })
    if (!isJSONRPCRequest(message)) {
      return reply(
        undefined,
        invalid('Invalid Request: clients send no responses in protocol 2026-07-28'),
        400,
      )
    }
    const { id, method } = message
    const params = message.params ?? {}

    const meta = checkModernMeta(message, request.headers, this.#supported)
    if (!meta.ok) return reply(id, meta.error, 400)
    const headers = checkRoutingHeaders(message, request.headers, {
      toolInputSchema: this.#options.toolInputSchema,
    })
    if (!headers.ok) return reply(id, headers.error, 400)

    const capabilities = this.#options.capabilities()
    const paramsSchema = PARAMS.get(method)
    const lacking = missingServerCapability(method, capabilities)
    if (paramsSchema === undefined || lacking !== undefined) {
      const why = REMOVED.has(method)
        ? ' (removed in protocol 2026-07-28)'
        : lacking === undefined
          ? ''
          : ` (this server has no ${lacking})`
      const error = { code: ErrorCode.MethodNotFound, message: `Method not found: ${method}${why}` }
      return reply(id, error, 404)
    }
    const valid = paramsSchema.safeParse(message.params)
    if (!valid.success) return reply(id, toErrorResponse(id, valid.error).error, 400)

    if (method === 'server/discover') {
      const result = discoverResult({
        serverInfo: this.#options.serverInfo,
        instructions: this.#options.instructions,
        capabilities,
        supportedVersions: this.#supported,
        cache: cacheHintFor(method, params, {}, this.#options.caching) ?? DEFAULT_HINT,
      })
      return jsonResponse({ jsonrpc: '2.0', id, result })
    }
    if (method === 'subscriptions/listen') {
      const filter = (params.notifications ?? {}) as SubscriptionFilter
      return this.subscriptions.open({ id, filter }, capabilities, request.signal)
    }
    return answerCall(this.#host, {
      id,
      method,
      params,
      meta: meta.meta,
      identity: request.identity,
      signal: request.onClientGone === undefined ? request.signal : undefined,
      onClientGone: request.onClientGone,
      responseMode: request.responseMode,
    })
  }
}

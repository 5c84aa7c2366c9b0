/**
 * The 2026-07-28 (stateless) client transport. It implements the same `ClientTransport` as the
 * 2025 transports, so the session, the peer and `McpClient` do not change between eras: the
 * messages they send are translated here. `initialize` is answered from `server/discover`;
 * `ping` is a discover round trip; `logging/setLevel` becomes the per-request log level;
 * `resources/subscribe` and `unsubscribe` change the `subscriptions/listen` filter; other
 * requests carry `_meta` and the routing headers, and `input_required` results are answered
 * with the client's handlers and retried, so only complete results reach the peer.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http
 * @module
 */
import {
  LATEST_PROTOCOL_VERSION,
  LocalError,
  McpError,
  isJSONRPCNotification,
  isJSONRPCRequest,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCRequest,
  type ProtocolVersion,
  type v2026_07_28,
} from '@mcp-sse/protocol'
import type { ClientCapabilities, Implementation, LoggingLevel } from '../client/types.js'
import type { HttpClient } from '../http/http-client.js'
import { resolveReconnect, type ReconnectOptions } from '../transport/reconnect.js'
import type {
  ClientTransport,
  MessageContext,
  SendOptions,
  StreamState,
} from '../transport/types.js'
import { ModernCaller, type CallAnswer } from './call.js'
import { initializeResultFrom, parseDiscoverResult, type DiscoverResult } from './discover.js'
import { exchange } from './exchange.js'
import { modernHeaders } from './headers.js'
import type { InputHandlers } from './input-required.js'
import { modernClientCapabilities, withModernMeta } from './meta.js'
import { ResultCache } from './result-cache.js'
import { Subscriptions } from './subscriptions.js'

/** Options of {@link ModernTransport}. */
export interface ModernTransportOptions {
  /** The MCP endpoint. */
  url: string
  /** The HTTP layer to send with. */
  http: HttpClient
  /** Sent in every request's `_meta`. */
  clientInfo: Implementation
  /** The client's capabilities (2025 shape; sent in their 2026-07-28 shape in every `_meta`). */
  capabilities: ClientCapabilities
  /**
   * The version every request carries, until a `-32022` names another.
   * @default LATEST_PROTOCOL_VERSION
   */
  protocolVersion?: string | undefined
  /** Versions the client may switch to after `-32022`. @default MODERN_PROTOCOL_VERSIONS */
  supportedVersions?: readonly ProtocolVersion[] | undefined
  /** The `server/discover` result of the era probe: answers the first `initialize` without a request. */
  discover?: DiscoverResult | undefined
  /** Answer `input_required` results: sampling, elicitation and roots. */
  handlers?: InputHandlers | undefined
  /**
   * How many `input_required` rounds one request may take before it fails.
   * @default 10
   */
  maxInputRounds?: number | undefined
  /**
   * Reuse discover, list and read results while their `ttlMs` says they are fresh; `false` to
   * send every request.
   * @default true (a cache of this transport's own)
   */
  cache?: boolean | ResultCache | undefined
  /**
   * The log level asked for on every request until `logging/setLevel` changes it; without one
   * a 2026-07-28 server sends no log messages.
   * @default undefined
   */
  logLevel?: LoggingLevel | undefined
  /**
   * Milliseconds to wait for the response headers of a `subscriptions/listen` or notification
   * POST. A request's POST has no such limit: its own timeout governs.
   * @default 30000
   */
  connectTimeout?: number | undefined
  /** Treat a stream on which nothing arrived for this many milliseconds as dead. */
  keepAliveTimeout?: number | undefined
  /** How the `subscriptions/listen` stream is reopened. */
  reconnect?: ReconnectOptions | undefined
}

/** The notifications that have no 2026-07-28 counterpart on HTTP, and are dropped. */
const DROPPED_NOTIFICATIONS = new Set([
  'notifications/initialized',
  // Closing the request's stream is the cancellation; the exchange was aborted already.
  'notifications/cancelled',
  // Roots are asked for in each request that needs them.
  'notifications/roots/list_changed',
])

/**
 * The 2026-07-28 transport: every request is its own POST, with no session.
 *
 * @example
 * ```ts
 * const negotiated = await negotiateEra({ url, http, identity })
 * if (negotiated.era === 'modern') {
 *   const transport = new ModernTransport({ url, http, clientInfo, capabilities, discover: negotiated.discover })
 * }
 * ```
 */
export class ModernTransport implements ClientTransport {
  /** The wire: 2026-07-28 stateless HTTP. */
  readonly kind = 'stateless' as const
  readonly url: string
  /** There are no sessions in 2026-07-28. */
  readonly sessionId: string | undefined = undefined
  onMessage?: ((message: JSONRPCMessage, context: MessageContext) => void) | undefined
  /** Never called: there is no session to lose. */
  onSessionLost?: ((error: LocalError) => void) | undefined
  /** Never called: a listen stream that is down does not hold requests back. */
  onStreamState?: ((state: StreamState) => void) | undefined
  onError?: ((error: LocalError) => void) | undefined

  readonly #options: ModernTransportOptions
  readonly #caller: ModernCaller
  readonly #cache: ResultCache | undefined
  readonly #subscriptions: Subscriptions
  readonly #closed = new AbortController()
  readonly #inFlight = new Set<AbortController>()
  #discover: DiscoverResult | undefined

  constructor(options: ModernTransportOptions) {
    this.url = options.url
    this.#options = options
    this.#discover = options.discover
    this.#cache =
      options.cache === false
        ? undefined
        : options.cache instanceof ResultCache
          ? options.cache
          : new ResultCache()
    const identity = {
      protocolVersion: options.protocolVersion ?? LATEST_PROTOCOL_VERSION,
      capabilities: modernClientCapabilities(options.capabilities),
      clientInfo: options.clientInfo,
      logLevel: options.logLevel,
    }
    const onError = (error: LocalError) => this.onError?.(error)
    this.#caller = new ModernCaller({
      http: options.http,
      url: options.url,
      identity,
      supportedVersions: options.supportedVersions,
      handlers: options.handlers,
      maxInputRounds: options.maxInputRounds,
      cache: this.#cache,
      keepAliveTimeout: options.keepAliveTimeout,
      onError,
    })
    this.#subscriptions = new Subscriptions({
      http: options.http,
      url: options.url,
      identity: () => this.#caller.identity,
      reconnect: resolveReconnect(options.reconnect),
      connectTimeout: options.connectTimeout,
      keepAliveTimeout: options.keepAliveTimeout,
      dispatch: (notification) => {
        this.#cache?.notified(notification.method, notification.params)
        this.#dispatch(notification, {})
      },
      onGap: () => this.#cache?.clear(),
      onError,
    })
  }

  /** The protocol version requests carry. */
  get protocolVersion(): string {
    return this.#caller.identity.protocolVersion
  }

  /** What the subscription stream asks for now. */
  get subscriptionFilter(): v2026_07_28.SubscriptionFilter {
    return this.#subscriptions.filter
  }

  start(): Promise<void> {
    return Promise.resolve()
  }

  /** The version comes from the era probe and `-32022`; there is no session to set. */
  setSession(): void {}

  resetSession(): void {}

  /** Opens the `subscriptions/listen` stream, when the server announces anything. */
  listen(): void {
    if (!this.#closed.signal.aborted) this.#subscriptions.start()
  }

  async send(message: JSONRPCMessage, options: SendOptions = {}): Promise<void> {
    if (this.#closed.signal.aborted) {
      const method = (message as { method?: unknown }).method
      throw new LocalError('closed', `The connection to ${this.url} is closed`, {
        method: typeof method === 'string' ? method : undefined,
        url: this.url,
      })
    }
    const request = isJSONRPCRequest(message) ? message : undefined
    // Responses: a 2026-07-28 server sends no requests, so there is nothing to answer.
    if (request === undefined && !isJSONRPCNotification(message)) return
    const controller = new AbortController()
    const abort = () => {
      controller.abort(
        options.signal?.aborted === true ? options.signal.reason : this.#closedReason(),
      )
    }
    if (options.signal?.aborted === true) abort()
    options.signal?.addEventListener('abort', abort, { once: true })
    this.#inFlight.add(controller)
    try {
      if (request === undefined) {
        await this.#notify(message as JSONRPCNotification, controller.signal)
        return
      }
      const answer = await this.#answer(request, controller.signal, options.idempotent === true)
      this.#dispatch(
        'error' in answer
          ? { jsonrpc: '2.0', id: request.id, error: answer.error }
          : { jsonrpc: '2.0', id: request.id, result: answer.result },
        {},
      )
    } finally {
      options.signal?.removeEventListener('abort', abort)
      this.#inFlight.delete(controller)
    }
  }

  /** Aborts every exchange and the subscription stream. There is no session to end. */
  close(): Promise<void> {
    if (this.#closed.signal.aborted) return Promise.resolve()
    const reason = this.#closedReason()
    this.#closed.abort(reason)
    for (const controller of this.#inFlight) controller.abort(reason)
    this.#subscriptions.stop()
    return Promise.resolve()
  }

  async #answer(
    request: JSONRPCRequest,
    signal: AbortSignal,
    idempotent: boolean,
  ): Promise<CallAnswer> {
    const params = request.params ?? {}
    switch (request.method) {
      case 'initialize':
        return { result: await this.#initialize(signal) }
      case 'ping': {
        const answer = await this.#caller.call(
          'server/discover',
          {},
          { signal, fresh: true, idempotent: true },
        )
        return 'error' in answer ? answer : { result: {} }
      }
      case 'logging/setLevel':
        this.#caller.setLogLevel(params.level as LoggingLevel)
        return { result: {} }
      case 'resources/subscribe':
        await this.#subscriptions.subscribe(String(params.uri), signal)
        return { result: {} }
      case 'resources/unsubscribe':
        await this.#subscriptions.unsubscribe(String(params.uri), signal)
        return { result: {} }
      default:
        return this.#caller.call(request.method, request.params, {
          id: request.id,
          signal,
          idempotent,
          onNotification: (notification) => {
            this.#dispatch(notification, { relatedRequestId: request.id })
          },
        })
    }
  }

  /** `initialize` answered from `server/discover`, in the shape the session expects. */
  async #initialize(signal: AbortSignal): Promise<Record<string, unknown>> {
    let discover = this.#discover
    // The probe's answer is used once; a later initialize (after a reconnection) asks again.
    this.#discover = undefined
    if (discover === undefined) {
      const options = { signal, fresh: true, idempotent: true }
      const answer = await this.#caller.call('server/discover', {}, options)
      if ('error' in answer) throw McpError.fromErrorObject(answer.error)
      discover = parseDiscoverResult(answer.result, this.url)
    }
    this.#subscriptions.setServerCapabilities(discover.capabilities)
    return initializeResultFrom(discover, this.#caller.identity.protocolVersion, this.url)
  }

  async #notify(notification: JSONRPCNotification, signal: AbortSignal): Promise<void> {
    if (DROPPED_NOTIFICATIONS.has(notification.method)) return
    const params = withModernMeta(notification.params, this.#caller.identity)
    const outcome = await exchange({
      http: this.#options.http,
      url: this.url,
      message: { jsonrpc: '2.0', method: notification.method, params },
      headers: modernHeaders(
        { method: notification.method, params },
        { protocolVersion: this.#caller.identity.protocolVersion },
      ),
      signal,
      timeout: this.#options.connectTimeout ?? 30_000,
    })
    if (outcome.type === 'status' || outcome.type === 'broken') throw outcome.error
  }

  #dispatch(message: JSONRPCMessage, context: MessageContext): void {
    try {
      this.onMessage?.(message, context)
    } catch (error) {
      this.onError?.(
        new LocalError('protocol', `Handling a message from ${this.url} failed`, { cause: error }),
      )
    }
  }

  #closedReason(): LocalError {
    return new LocalError('closed', `The connection to ${this.url} was closed`, { url: this.url })
  }
}

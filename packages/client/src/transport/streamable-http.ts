/**
 * The Streamable HTTP transport (2025-03-26 to 2025-11-25): POST for every message, SSE or JSON
 * answers, a standalone GET stream, resumption with `Last-Event-ID`, DELETE on close.
 * @module
 */
import {
  isJSONRPCRequest,
  LocalError,
  type JSONRPCMessage,
  type JSONRPCRequest,
} from '@mcp-sse/protocol'
import {
  describeRequest,
  httpStatusErrorWithDetail,
  isSessionGone,
  markUnprocessed,
  readDetail,
} from '../http/errors.js'
import type { HttpClient } from '../http/http-client.js'
import { ListenStream } from './listen-stream.js'
import {
  resolveReconnect,
  type ReconnectOptions,
  type ResolvedReconnectOptions,
} from './reconnect.js'
import { readResponseStream, type Exchange } from './response-stream.js'
import { dispatchBody, methodOf, responseId, type Dispatch } from './dispatch.js'
import type {
  ClientTransport,
  MessageContext,
  SendOptions,
  SessionInfo,
  StreamState,
} from './types.js'

/** Options of {@link StreamableHttpTransport}. */
export interface StreamableHttpTransportOptions {
  /** The MCP endpoint. */
  url: string
  /** The HTTP layer to send with. */
  http: HttpClient
  /**
   * Milliseconds to wait for the response headers of a GET, DELETE or notification POST. A
   * request's POST has no such limit: its own timeout governs.
   * @default 30000
   */
  connectTimeout?: number | undefined
  /** Treat a stream on which nothing arrived for this many milliseconds as dead. */
  keepAliveTimeout?: number | undefined
  /** How broken streams are resumed and reopened. */
  reconnect?: ReconnectOptions | undefined
}

const ACCEPT_POST = 'application/json, text/event-stream'
/** How long a response stream may stay open after its response before it is cut. */
const STREAM_LINGER_MS = 2_000

/** The Streamable HTTP client transport. */
export class StreamableHttpTransport implements ClientTransport {
  readonly kind = 'streamable-http'
  readonly url: string
  onMessage?: ((message: JSONRPCMessage, context: MessageContext) => void) | undefined
  onSessionLost?: ((error: LocalError) => void) | undefined
  onStreamState?: ((state: StreamState) => void) | undefined
  onError?: ((error: LocalError) => void) | undefined

  readonly #http: HttpClient
  readonly #connectTimeout: number
  readonly #keepAliveTimeout: number | undefined
  readonly #reconnect: ResolvedReconnectOptions
  readonly #closed = new AbortController()
  readonly #exchanges = new Map<string | number, Exchange>()
  readonly #inFlight = new Set<AbortController>()
  #sessionId: string | undefined
  #protocolVersion: string | undefined
  #listen: ListenStream | undefined
  // Built once per session rather than per POST; the HTTP layer copies it.
  #postHeaders: Record<string, string> | undefined

  constructor(options: StreamableHttpTransportOptions) {
    this.url = options.url
    this.#http = options.http
    this.#connectTimeout = options.connectTimeout ?? 30_000
    this.#keepAliveTimeout = options.keepAliveTimeout
    this.#reconnect = resolveReconnect(options.reconnect)
  }

  get sessionId(): string | undefined {
    return this.#sessionId
  }

  start(): Promise<void> {
    return Promise.resolve()
  }

  setSession(session: SessionInfo): void {
    if (session.sessionId !== undefined) this.#sessionId = session.sessionId
    this.#protocolVersion = session.protocolVersion
    this.#postHeaders = undefined
  }

  resetSession(): void {
    this.#listen?.stop()
    this.#listen = undefined
    this.#sessionId = undefined
    this.#protocolVersion = undefined
    this.#postHeaders = undefined
  }

  listen(): void {
    if (this.#listen !== undefined || this.#closed.signal.aborted) return
    this.#listen = new ListenStream({
      url: this.url,
      http: this.#http,
      headers: () => this.#headers(),
      connectTimeout: this.#connectTimeout,
      keepAliveTimeout: this.#keepAliveTimeout,
      reconnect: this.#reconnect,
      signal: this.#closed.signal,
      dispatch: this.#dispatch,
      failed: (response, rpcMethod) => this.#failed(response, 'GET', rpcMethod),
      onStreamState: (state) => this.onStreamState?.(state),
      onError: (error) => this.onError?.(error),
    })
    this.#listen.start()
  }

  async send(message: JSONRPCMessage, options: SendOptions = {}): Promise<void> {
    if (this.#closed.signal.aborted) throw this.#closedError(message)
    const request = isJSONRPCRequest(message) ? message : undefined
    // One controller per exchange, aborted by the caller's signal (the peer gave up) or close().
    const exchange: Exchange = {
      controller: new AbortController(),
      done: false,
      streaming: false,
      resumed: false,
    }
    const caller = options.signal
    const onAbort = () => {
      exchange.controller.abort(caller?.reason)
    }
    if (caller?.aborted === true) onAbort()
    caller?.addEventListener('abort', onAbort, { once: true })
    this.#inFlight.add(exchange.controller)
    if (request !== undefined) this.#exchanges.set(request.id, exchange)
    try {
      await this.#post(message, request, exchange, options)
    } finally {
      caller?.removeEventListener('abort', onAbort)
      this.#inFlight.delete(exchange.controller)
      if (request !== undefined && this.#exchanges.get(request.id) === exchange) {
        this.#exchanges.delete(request.id)
      }
    }
  }

  async close(): Promise<void> {
    if (this.#closed.signal.aborted) return
    const reason = new LocalError('closed', `The connection to ${this.url} was closed`)
    this.#closed.abort(reason)
    for (const controller of this.#inFlight) controller.abort(reason)
    this.#listen?.stop()
    const sessionId = this.#sessionId
    if (sessionId === undefined) return
    try {
      const response = await this.#http.request({
        method: 'DELETE',
        url: this.url,
        headers: this.#headers(),
        timeout: this.#connectTimeout,
        retry: 'never',
      })
      await response.body?.cancel()
    } catch {
      // The session ends with the connection anyway; a server that is gone cannot be told.
    }
  }

  async #post(
    message: JSONRPCMessage,
    request: JSONRPCRequest | undefined,
    exchange: Exchange,
    options: SendOptions,
  ): Promise<void> {
    const rpcMethod = methodOf(message)
    const signal = exchange.controller.signal
    const response = await this.#http.request({
      method: 'POST',
      url: this.url,
      body: JSON.stringify(message),
      headers: (this.#postHeaders ??= {
        ...this.#headers(),
        'content-type': 'application/json',
        accept: ACCEPT_POST,
      }),
      signal,
      timeout: request === undefined ? this.#connectTimeout : false,
      rpcMethod,
      retry: options.idempotent === true ? 'safe' : 'refused',
    })
    const sessionId = response.headers.get('mcp-session-id')
    if (sessionId !== null && this.#sessionId === undefined) {
      this.#sessionId = sessionId
      this.#postHeaders = undefined
    }
    if (!response.ok) throw await this.#failed(response, 'POST', rpcMethod)
    const type = response.headers.get('content-type') ?? ''
    if (request === undefined || response.status === 202) {
      response.body?.cancel().catch(() => {})
      return
    }
    const context = { relatedRequestId: request.id }
    if (type.includes('text/event-stream') && response.body !== null) {
      exchange.streaming = true
      await readResponseStream({
        body: response.body,
        request,
        exchange,
        signal,
        idempotent: options.idempotent === true,
        keepAliveTimeout: this.#keepAliveTimeout,
        reconnect: this.#reconnect,
        dispatch: this.#dispatch,
        resume: (lastEventId) => this.#resume(lastEventId, rpcMethod, signal),
        repost: () => this.#post(message, request, exchange, options),
        describe: describeRequest({ method: 'POST', url: this.url, rpcMethod }),
      })
      return
    }
    if (type.includes('application/json')) {
      const problem = dispatchBody(await response.text(), context, this.#dispatch)
      if (problem === undefined) return
      throw new LocalError(
        'protocol',
        `${describeRequest({ method: 'POST', url: this.url, rpcMethod })} answered with a body that is not JSON-RPC: ${problem}`,
        { method: rpcMethod, url: this.url, status: response.status },
      )
    }
    response.body?.cancel().catch(() => {})
    throw new LocalError(
      'protocol',
      `${describeRequest({ method: 'POST', url: this.url, rpcMethod })} answered with unsupported content type "${type}"`,
      { method: rpcMethod, url: this.url, status: response.status },
    )
  }

  /** GETs the endpoint to resume a response stream; resolves with the new body. */
  async #resume(
    lastEventId: string | undefined,
    rpcMethod: string | undefined,
    signal: AbortSignal,
  ): Promise<ReadableStream<Uint8Array>> {
    const headers = { ...this.#headers(), accept: 'text/event-stream' }
    const response = await this.#http.request({
      method: 'GET',
      url: this.url,
      headers: lastEventId === undefined ? headers : { ...headers, 'last-event-id': lastEventId },
      signal,
      timeout: this.#connectTimeout,
      rpcMethod,
      retry: 'safe',
    })
    if (!response.ok) throw await this.#failed(response, 'GET', rpcMethod)
    const type = response.headers.get('content-type') ?? ''
    if (response.body === null || !type.includes('text/event-stream')) {
      response.body?.cancel().catch(() => {})
      throw new LocalError(
        'protocol',
        `${describeRequest({ method: 'GET', url: this.url, rpcMethod })} did not open an event stream`,
        { method: rpcMethod, url: this.url, status: response.status },
      )
    }
    return response.body
  }

  readonly #dispatch: Dispatch = (message, context) => {
    const id = responseId(message)
    if (id !== undefined) {
      const exchange = this.#exchanges.get(id)
      if (exchange !== undefined) exchange.done = true
    }
    try {
      this.onMessage?.(message, context)
    } catch (error) {
      this.onError?.(
        new LocalError('protocol', `Handling a message from ${this.url} failed`, { cause: error }),
      )
    }
    // A POST's stream ends by itself after the response, and reading it to the end keeps the
    // connection reusable; a resumed GET stream may stay open, and so may a careless server's.
    // A JSON body has been read to its end already: nothing to cut, so no timer.
    const exchange = id === undefined ? undefined : this.#exchanges.get(id)
    if (exchange?.streaming !== true) return
    if (exchange.resumed) {
      exchange.controller.abort()
      return
    }
    const linger = setTimeout(() => {
      if (this.#inFlight.has(exchange.controller)) exchange.controller.abort()
    }, STREAM_LINGER_MS)
    ;(linger as { unref?: () => void }).unref?.()
  }

  async #failed(response: Response, method: string, rpcMethod: string | undefined) {
    const detail = await readDetail(response)
    const error = httpStatusErrorWithDetail(response, detail, { method, url: this.url, rpcMethod })
    if (this.#sessionId !== undefined && isSessionGone(response.status, detail)) {
      // A POST the server refused for its session never ran; a resumption GET's request may have.
      if (method === 'POST') markUnprocessed(error)
      this.onSessionLost?.(error)
    }
    return error
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = {}
    if (this.#sessionId !== undefined) headers['mcp-session-id'] = this.#sessionId
    if (this.#protocolVersion !== undefined) headers['mcp-protocol-version'] = this.#protocolVersion
    return headers
  }

  #closedError(message: JSONRPCMessage): LocalError {
    const rpcMethod = methodOf(message)
    return new LocalError('closed', `The connection to ${this.url} is closed`, {
      method: rpcMethod,
      url: this.url,
    })
  }
}

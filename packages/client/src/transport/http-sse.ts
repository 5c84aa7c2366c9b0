/**
 * The HTTP+SSE transport (2024-11-05): GET the SSE URL, wait for the `endpoint` event, POST every
 * message there, read every reply from the stream.
 * @module
 */
import { isJSONRPCRequest, LocalError, type JSONRPCMessage } from '@mcp-sse/protocol'
import {
  httpStatusError,
  httpStatusErrorWithDetail,
  isSessionGone,
  markUnprocessed,
  readDetail,
} from '../http/errors.js'
import type { HttpClient } from '../http/http-client.js'
import { readSse, type SseReadResult } from '../sse/read-sse.js'
import { dispatchBody, methodOf, responseId } from './dispatch.js'
import type {
  ClientTransport,
  MessageContext,
  SendOptions,
  SessionInfo,
  StreamState,
} from './types.js'

/** Options of {@link HttpSseTransport}. */
export interface HttpSseTransportOptions {
  /** The SSE endpoint (conventionally `/sse`). */
  url: string
  http: HttpClient
  /**
   * Milliseconds to wait for the stream to open and send its `endpoint` event, and for a POST to
   * be accepted.
   * @default 30000
   */
  connectTimeout?: number | undefined
  /** Treat the stream as dead when nothing arrived on it for this many milliseconds. */
  keepAliveTimeout?: number | undefined
}

interface Waiting {
  resolve: () => void
  reject: (error: LocalError) => void
}

/** The HTTP+SSE client transport. */
export class HttpSseTransport implements ClientTransport {
  readonly kind = 'sse'
  readonly url: string
  onMessage?: ((message: JSONRPCMessage, context: MessageContext) => void) | undefined
  onSessionLost?: ((error: LocalError) => void) | undefined
  onStreamState?: ((state: StreamState) => void) | undefined
  onError?: ((error: LocalError) => void) | undefined

  readonly #http: HttpClient
  readonly #connectTimeout: number
  readonly #keepAliveTimeout: number | undefined
  readonly #closed = new AbortController()
  readonly #waiting = new Map<string | number, Waiting>()
  #stream: AbortController | undefined
  #endpoint: string | undefined
  #protocolVersion: string | undefined

  constructor(options: HttpSseTransportOptions) {
    this.url = options.url
    this.#http = options.http
    this.#connectTimeout = options.connectTimeout ?? 30_000
    this.#keepAliveTimeout = options.keepAliveTimeout
  }

  /** The URL messages are POSTed to, once the server named it. */
  get sessionId(): string | undefined {
    return this.#endpoint
  }

  async start(signal?: AbortSignal): Promise<void> {
    if (this.#stream !== undefined) {
      this.#stream.abort()
      // Replies to what was sent on the old stream's session can no longer arrive.
      this.#rejectWaiting(
        new LocalError(
          'network',
          `The SSE stream of ${this.url} was reopened, with a new session`,
          {
            url: this.url,
          },
        ),
      )
    }
    const stream = new AbortController()
    this.#stream = stream
    this.#endpoint = undefined
    const signals = [stream.signal, this.#closed.signal]
    if (signal !== undefined) signals.push(signal)
    const streamSignal = AbortSignal.any(signals)
    const response = await this.#http.request({
      method: 'GET',
      url: this.url,
      headers: { accept: 'text/event-stream' },
      signal: streamSignal,
      timeout: this.#connectTimeout,
      retry: 'safe',
    })
    if (!response.ok) throw await httpStatusError(response, { method: 'GET', url: this.url })
    const type = response.headers.get('content-type') ?? ''
    if (response.body === null || !type.includes('text/event-stream')) {
      response.body?.cancel().catch(() => {})
      throw new LocalError('protocol', `GET ${this.url} did not open an event stream`, {
        url: this.url,
        status: response.status,
      })
    }
    let onEndpoint: (endpoint: string) => void = () => {}
    const endpoint = new Promise<string>((resolve) => (onEndpoint = resolve))
    const reading = readSse(response.body, {
      onEvent: (event) => {
        if (event.event === 'endpoint') onEndpoint(event.data)
        else if (event.event === 'message' && event.data !== '') this.#receive(event.data)
      },
      idleTimeout: this.#keepAliveTimeout,
      signal: streamSignal,
    }).then((result) => {
      this.#ended(stream, result)
    })
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => {
        resolve('timeout')
      }, this.#connectTimeout)
    })
    const first = await Promise.race([endpoint, reading.then(() => 'ended' as const), timeout])
    clearTimeout(timer)
    if (first === 'ended' || first === 'timeout') {
      stream.abort()
      throw new LocalError(
        first === 'timeout' ? 'timeout' : 'protocol',
        `GET ${this.url} did not send an endpoint event${
          first === 'timeout' ? ` within ${this.#connectTimeout} ms` : ''
        }`,
        { url: this.url },
      )
    }
    this.#endpoint = this.#resolveEndpoint(first, stream)
  }

  setSession(session: SessionInfo): void {
    this.#protocolVersion = session.protocolVersion
  }

  resetSession(): void {
    this.#protocolVersion = undefined
  }

  listen(): void {
    // Server messages already arrive on the one stream.
  }

  async send(message: JSONRPCMessage, options: SendOptions = {}): Promise<void> {
    const rpcMethod = methodOf(message)
    const endpoint = this.#endpoint
    if (this.#closed.signal.aborted || endpoint === undefined) {
      throw new LocalError('closed', `The SSE stream of ${this.url} is not open`, {
        method: rpcMethod,
        url: this.url,
      })
    }
    const request = isJSONRPCRequest(message) ? message : undefined
    const answered =
      request === undefined
        ? undefined
        : new Promise<void>((resolve, reject) => this.#waiting.set(request.id, { resolve, reject }))
    answered?.catch(() => {})
    try {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      if (this.#protocolVersion !== undefined) {
        headers['mcp-protocol-version'] = this.#protocolVersion
      }
      const signals = [this.#closed.signal]
      if (options.signal !== undefined) signals.push(options.signal)
      const response = await this.#http.request({
        method: 'POST',
        url: endpoint,
        body: JSON.stringify(message),
        headers,
        signal: AbortSignal.any(signals),
        timeout: this.#connectTimeout,
        rpcMethod,
        retry: options.idempotent === true ? 'safe' : 'refused',
      })
      if (!response.ok) {
        const detail = await readDetail(response)
        const context = { method: 'POST', url: endpoint, rpcMethod }
        const error = httpStatusErrorWithDetail(response, detail, context)
        if (isSessionGone(response.status, detail)) {
          this.#endpoint = undefined
          this.onSessionLost?.(markUnprocessed(error))
        }
        throw error
      }
      response.body?.cancel().catch(() => {})
    } catch (error) {
      if (request !== undefined) this.#waiting.delete(request.id)
      throw error
    }
    if (methodOf(message) === 'notifications/cancelled') {
      const cancelled = (message.params as { requestId?: string | number } | undefined)?.requestId
      if (cancelled !== undefined) this.#settle(cancelled)
    }
    await answered
  }

  async close(): Promise<void> {
    if (this.#closed.signal.aborted) return
    const error = new LocalError('closed', `The connection to ${this.url} was closed`, {
      url: this.url,
    })
    this.#closed.abort(error)
    this.#rejectWaiting(error)
    return Promise.resolve()
  }

  #receive(data: string): void {
    const problem = dispatchBody(data, {}, (message, context) => {
      try {
        this.onMessage?.(message, context)
      } catch (error) {
        this.onError?.(
          new LocalError('protocol', `Handling a message from ${this.url} failed`, {
            cause: error,
          }),
        )
      }
      const id = responseId(message)
      if (id !== undefined) this.#settle(id)
    })
    if (problem !== undefined) {
      this.onError?.(
        new LocalError(
          'protocol',
          `The SSE stream of ${this.url} sent an event that is not JSON-RPC: ${problem}`,
          {
            url: this.url,
          },
        ),
      )
    }
  }

  #settle(id: string | number): void {
    this.#waiting.get(id)?.resolve()
    this.#waiting.delete(id)
  }

  #ended(stream: AbortController, result: SseReadResult): void {
    if (this.#closed.signal.aborted || this.#stream !== stream) return
    this.#endpoint = undefined
    const error = new LocalError(
      'network',
      `The SSE stream of ${this.url} ${result.reason === 'idle' ? 'went silent' : 'ended'}, and the session with it`,
      { url: this.url, cause: result.error },
    )
    this.#rejectWaiting(error)
    this.onSessionLost?.(error)
  }

  #rejectWaiting(error: LocalError): void {
    const waiting = [...this.#waiting.values()]
    this.#waiting.clear()
    for (const { reject } of waiting) reject(error)
  }

  /** The endpoint URL, resolved against the SSE URL; another origin is refused. */
  #resolveEndpoint(data: string, stream: AbortController): string {
    let endpoint: URL
    try {
      endpoint = new URL(data, this.url)
    } catch {
      stream.abort()
      throw new LocalError('protocol', `GET ${this.url} sent an invalid endpoint: ${data}`, {
        url: this.url,
      })
    }
    if (endpoint.origin !== new URL(this.url).origin) {
      stream.abort()
      throw new LocalError(
        'protocol',
        `GET ${this.url} sent an endpoint on another origin, which is refused: ${endpoint.href}`,
        { url: this.url },
      )
    }
    return endpoint.href
  }
}

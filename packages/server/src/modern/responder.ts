/**
 * The HTTP response of one 2026-07-28 request: a JSON body, or an SSE stream scoped to the
 * request when notifications (progress, logs) come before the result. Closing that stream is the
 * client's way to cancel.
 * @see https://modelcontextprotocol.io/specification/2026-07-28/basic/transports/streamable-http#receiving-messages
 * @module
 */
import type { KeepAlive } from '../http/keep-alive.js'
import { SSE_HEADERS, SseConnection } from '../http/sse-writer.js'

const JSON_HEADERS = { 'Content-Type': 'application/json' } as const

/**
 * How a request is answered: `'json'` always returns one JSON body (notifications are dropped),
 * `'sse'` always streams, `'auto'` returns JSON unless something must be sent before the result.
 */
export type ModernResponseMode = 'auto' | 'json' | 'sse'

/** Options of {@link ModernResponder}. */
export interface ModernResponderOptions {
  mode: ModernResponseMode
  /** Unread bytes a client may fall behind before its stream is dropped (which cancels). */
  maxBufferedBytes: number
  /** Keeps a slow request's stream open through proxies. */
  keepAlive?: KeepAlive | undefined
  /** Called once when the client goes away before the result: cancel the work. */
  onCancel: () => void
}

/**
 * Collects what one request sends and turns it into its HTTP response. Once the client cancelled
 * (closed the stream) or the result was sent, everything else is dropped: nothing more may be
 * sent for a cancelled request.
 */
export class ModernResponder {
  /** Resolves with the response as soon as its status and type are known. */
  readonly response: Promise<Response>
  readonly #options: ModernResponderOptions
  #resolve!: (response: Response) => void
  #connection: SseConnection | undefined
  #finished = false
  #cancelled = false

  constructor(options: ModernResponderOptions) {
    this.#options = options
    this.response = new Promise((resolve) => {
      this.#resolve = resolve
    })
    if (options.mode === 'sse') this.#open()
  }

  /** Whether the client cancelled the request. */
  get cancelled(): boolean {
    return this.#cancelled
  }

  /** Sends a notification that belongs to the request (upgrading the reply to SSE in `auto`). */
  notify(message: Record<string, unknown>): void {
    if (this.#finished || this.#cancelled || this.#options.mode === 'json') return
    ;(this.#connection ?? this.#open()).writeEvent({ data: JSON.stringify(message) })
  }

  /** Sends the final response (a result or an error) and ends the reply. */
  finish(message: Record<string, unknown>, status: number): void {
    this.finishJson(JSON.stringify(message), status)
  }

  /** {@link ModernResponder.finish} with the response already serialised. */
  finishJson(json: string, status: number): void {
    if (this.#finished) return
    this.#finished = true
    const connection = this.#connection
    if (connection === undefined) {
      this.#resolve(new Response(json, { status, headers: JSON_HEADERS }))
      return
    }
    if (this.#cancelled) return
    connection.writeEvent({ data: json })
    connection.close()
  }

  /** Cancels from the server side (the HTTP request was aborted): the same as a client close. */
  cancel(): void {
    if (this.#finished || this.#cancelled) return
    this.#cancelled = true
    this.#connection?.close()
    // A JSON reply nobody waits for still needs a value for whoever holds the promise.
    if (this.#connection === undefined) this.#resolve(new Response(null, { status: 499 }))
    this.#options.onCancel()
  }

  #open(): SseConnection {
    const connection = new SseConnection(this.#options.maxBufferedBytes)
    this.#connection = connection
    connection.onClose = (reason) => {
      this.#options.keepAlive?.delete(connection)
      if (reason === 'server' || this.#finished || this.#cancelled) return
      this.#cancelled = true
      this.#options.onCancel()
    }
    this.#options.keepAlive?.add(connection)
    this.#resolve(new Response(connection.body, { status: 200, headers: SSE_HEADERS }))
    return connection
  }
}

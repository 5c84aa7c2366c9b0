/**
 * An HTTP+SSE (2024-11-05) session as the load generator drives it: GET the SSE endpoint, wait
 * for the `endpoint` event, POST every message there and read every reply from the stream.
 * @module
 */
import { openStream, send, type OpenStream, type Pool } from '../load/http.js'
import { SseParser, type SseEvent } from '../sse/parser.js'
import {
  checkEcho,
  initializeParams,
  notificationBody,
  requestBody,
  resultFor,
  SSE_VERSION,
  type JsonRpcMessage,
} from './messages.js'

interface Pending {
  method: string
  resolve: (message: JsonRpcMessage) => void
  reject: (error: Error) => void
  /** When the reply is overdue (performance.now()). */
  deadline: number
}

/** How long a reply may take to appear on the stream. */
const REPLY_TIMEOUT_MS = 30_000

/** One HTTP+SSE session. */
export class LegacySseSession {
  #postPool: Pool
  #endpoint = ''
  #stream: OpenStream | undefined
  #pending = new Map<number, Pending>()
  #nextId = 1
  #onEndpoint: ((path: string) => void) | undefined
  // One timer per session for overdue replies, not one per request.
  #sweeper: NodeJS.Timeout | undefined

  private constructor(postPool: Pool) {
    this.#postPool = postPool
  }

  /** Opens the stream on `ssePath`, then initializes the session. */
  static async open(streamPool: Pool, postPool: Pool, ssePath: string): Promise<LegacySseSession> {
    const session = new LegacySseSession(postPool)
    const endpoint = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new Error(`GET ${ssePath} sent no endpoint event within 10 s`))
      }, 10_000)
      session.#onEndpoint = (path) => {
        clearTimeout(timer)
        resolve(path)
      }
    })
    const parser = new SseParser((event) => {
      session.#onEvent(event)
    })
    session.#stream = await openStream(
      streamPool,
      ssePath,
      {},
      (chunk) => {
        parser.feed(chunk)
      },
      () => {
        session.#failAll(new Error(`the stream of GET ${ssePath} ended`))
      },
    )
    // The endpoint may be absolute or relative; only its path and query go on the wire.
    const url = new URL(await endpoint, `http://127.0.0.1${ssePath}`)
    session.#endpoint = url.pathname + url.search
    await session.request('initialize', initializeParams(SSE_VERSION))
    await session.notify('notifications/initialized')
    return session
  }

  #onEvent(event: SseEvent): void {
    if (event.event === 'endpoint') {
      this.#onEndpoint?.(event.data)
      return
    }
    if (event.event !== 'message') return
    const message = JSON.parse(event.data) as JsonRpcMessage
    if (typeof message.id !== 'number' || message.method !== undefined) return
    const pending = this.#pending.get(message.id)
    if (pending === undefined) return
    this.#pending.delete(message.id)
    pending.resolve(message)
  }

  #failAll(error: Error): void {
    for (const pending of this.#pending.values()) pending.reject(error)
    this.#pending.clear()
    clearInterval(this.#sweeper)
    this.#sweeper = undefined
  }

  #sweep(): void {
    const now = performance.now()
    for (const [id, pending] of this.#pending) {
      if (now < pending.deadline) continue
      this.#pending.delete(id)
      pending.reject(
        new Error(
          `${pending.method}: no reply on the SSE stream within ${REPLY_TIMEOUT_MS / 1000} s`,
        ),
      )
    }
  }

  /** POSTs a request and waits for its reply on the stream. */
  async request(method: string, params: Record<string, unknown>): Promise<Record<string, unknown>> {
    const id = this.#nextId++
    if (this.#sweeper === undefined) {
      this.#sweeper = setInterval(() => {
        this.#sweep()
      }, 1000)
      this.#sweeper.unref()
    }
    const deadline = performance.now() + REPLY_TIMEOUT_MS
    const reply = new Promise<JsonRpcMessage>((resolve, reject) => {
      this.#pending.set(id, { method, resolve, reject, deadline })
    })
    // The stream may end while the POST is still in flight; the rejection is read below.
    reply.catch(() => undefined)
    const posted = await send(
      this.#postPool,
      'POST',
      this.#endpoint,
      { 'content-type': 'application/json' },
      requestBody(id, method, params),
    )
    if (posted.status < 200 || posted.status >= 300) {
      this.#pending.delete(id)
      throw new Error(
        `${method} on POST ${this.#endpoint} answered ${posted.status}: ${posted.text.slice(0, 200)}`,
      )
    }
    return resultFor([await reply], id, method)
  }

  /** POSTs a notification. */
  async notify(method: string): Promise<void> {
    const posted = await send(
      this.#postPool,
      'POST',
      this.#endpoint,
      { 'content-type': 'application/json' },
      notificationBody(method),
    )
    if (posted.status < 200 || posted.status >= 300) {
      throw new Error(`${method} on POST ${this.#endpoint} answered ${posted.status}`)
    }
  }

  /** Calls `echo` and checks the answer. */
  async echo(message: string): Promise<void> {
    checkEcho(await this.request('tools/call', { name: 'echo', arguments: { message } }), message)
  }

  /** Closes the stream, which ends the session. */
  close(): void {
    this.#stream?.close()
    this.#failAll(new Error('session closed'))
  }
}

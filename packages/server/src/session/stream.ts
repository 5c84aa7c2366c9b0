/**
 * A logical SSE stream of a Streamable HTTP session: its id, the event log behind it, and the
 * connection (HTTP response) currently attached to it, if any.
 * @module
 */
import type { JSONRPCMessage, RequestId } from '@mcp-sse/protocol'
import type { KeepAlive } from '../http/keep-alive.js'
import { jsonResponse } from '../http/http-error.js'
import type { SseOpener } from '../http/sse-opener.js'
import type { SharedEvent, SseSink } from '../http/sse-writer.js'
import type { EventStore } from '../state/event-store.js'

/**
 * How a POST that carries requests is answered: one SSE stream, one JSON body, or JSON unless
 * something other than the response has to be sent first.
 */
export type ResponseMode = 'sse' | 'json' | 'auto'

/** What a stream needs from its session. */
export interface StreamHost {
  readonly sessionId: string
  readonly events: EventStore
  readonly keepAlive: KeepAlive
  /** The `retry:` value of priming events, in milliseconds. */
  readonly retryMs: number
  /** Close each connection after this many milliseconds (SEP-1699 polling); 0 = never. */
  readonly closeConnectionsAfterMs: number
  /** Largest queue of unread bytes per connection before it is dropped. */
  readonly maxBufferedBytes: number
  /** Headers on every response of the session (`Mcp-Session-Id`). */
  readonly headers: Record<string, string>
  reportError(error: unknown): void
  /** The stream has nothing left to deliver and no connection: forget it. */
  onDone(stream: Stream): void
}

function isResponse(message: JSONRPCMessage): boolean {
  return !('method' in message)
}

/** Parses an event id `<streamId>_<seq>`. */
export function parseEventId(eventId: string): { streamId: string; seq: number } | undefined {
  const separator = eventId.lastIndexOf('_')
  if (separator <= 0) return undefined
  const seq = Number(eventId.slice(separator + 1))
  if (!Number.isSafeInteger(seq) || seq < 0) return undefined
  return { streamId: eventId.slice(0, separator), seq }
}

/**
 * One stream. A request stream belongs to a POST and ends once every request of that POST is
 * answered; the standalone stream belongs to the session's GET.
 */
export class Stream {
  readonly id: string
  readonly kind: 'request' | 'standalone'
  /** For a request stream: resolves with the POST's response (JSON or SSE). */
  readonly response: Promise<Response> | undefined
  // The standalone stream's GET response, kept only until it is handed out (memory).
  #opened: Response | undefined
  readonly #host: StreamHost
  readonly #pending: Set<RequestId> | undefined
  readonly #batch: boolean
  #mode: ResponseMode
  #resolve: ((response: Response) => void) | undefined
  #json: JSONRPCMessage[] | undefined
  #connection: SseSink | undefined
  // Dropped once used: an opener holds its request (memory).
  #open: SseOpener | undefined
  #closeTimer: ReturnType<typeof setTimeout> | undefined
  #tail: Promise<void> | undefined
  #complete = false

  constructor(
    host: StreamHost,
    id: string,
    open: SseOpener,
    options:
      | { kind: 'standalone' }
      | { kind: 'request'; requestIds: RequestId[]; batch: boolean; mode: ResponseMode },
  ) {
    this.#host = host
    this.#open = open
    this.id = id
    this.kind = options.kind
    if (options.kind === 'request') {
      this.#pending = new Set(options.requestIds)
      this.#batch = options.batch
      this.#mode = options.mode
      this.response = new Promise((resolve) => {
        this.#resolve = resolve
      })
      if (options.mode === 'sse') this.#resolveWith(this.#openSse())
    } else {
      this.#pending = undefined
      this.#batch = false
      this.#mode = 'sse'
      this.response = undefined
      this.#opened = this.#openSse()
    }
  }

  /** The standalone stream's GET response; handed out once. */
  takeOpened(): Response {
    const opened = this.#opened ?? new Response(null, { status: 204 })
    this.#opened = undefined
    return opened
  }

  /** Whether an HTTP response is attached and open. */
  get connected(): boolean {
    return this.#connection !== undefined && !this.#connection.closed
  }

  /** Whether every request of the stream was answered. */
  get complete(): boolean {
    return this.#complete
  }

  /** Whether a message that is not a response can go on this stream (it would in JSON mode not). */
  acceptsNotifications(): boolean {
    return !this.#complete && this.#mode !== 'json'
  }

  /** Sends one message on the stream. */
  send(message: JSONRPCMessage): void {
    if (this.#complete) return
    const response = isResponse(message)
    if (this.#mode !== 'sse') {
      if (response) {
        ;(this.#json ??= []).push(message)
        this.#answered(message)
        return
      }
      // 'auto': something other than the response must go first, so this becomes a stream.
      this.#mode = 'sse'
      this.#resolveWith(this.#openSse())
      const buffered = this.#json ?? []
      this.#json = undefined
      for (const earlier of buffered) this.#write(earlier)
    }
    this.#write(message)
    if (response) this.#answered(message)
  }

  /**
   * Attaches a resuming GET: replays what the event log holds after `afterSeq`, then continues
   * live. Returns the GET's response.
   */
  resume(afterSeq: number, open: SseOpener): Response {
    this.#connection?.close()
    this.#open = open
    const { sink: connection, response } = this.#connect()
    const replayed = this.#host.events.replay(
      this.#host.sessionId,
      this.id,
      afterSeq,
      (seq, data) => {
        connection.writeEvent({ id: `${this.id}_${seq}`, data })
      },
    )
    const finish = () => {
      if (this.#complete) this.#finishDelivered()
    }
    if (replayed instanceof Promise) {
      // Live events wait behind the replay, in order.
      this.#tail = (this.#tail ?? Promise.resolve())
        .then(() => replayed)
        .then(finish, (error: unknown) => {
          this.#host.reportError(error)
        })
    } else {
      finish()
    }
    return response
  }

  /**
   * Ends the connection but not the stream (SEP-1699): the client resumes with `Last-Event-ID`.
   * A POST not yet answered as a stream becomes one first, so the client gets a priming event to
   * resume from.
   */
  closeConnection(): void {
    if (this.#complete) return
    if (this.#mode === 'auto') {
      this.#mode = 'sse'
      this.#resolveWith(this.#openSse())
      const buffered = this.#json ?? []
      this.#json = undefined
      for (const earlier of buffered) this.#write(earlier)
    }
    this.#connection?.close()
  }

  /** Ends everything: the connection, and the stream's stored events. */
  end(): void {
    this.#complete = true
    this.#resolveWith(new Response(null, { status: 204, headers: this.#host.headers }))
    this.#connection?.close()
    void this.#host.events.deleteStream(this.#host.sessionId, this.id)
  }

  /**
   * A request of this stream was cancelled by the client: it gets no response (the spec forbids
   * one), so the stream must not wait for it.
   */
  cancelled(id: RequestId): void {
    this.#answered({ jsonrpc: '2.0', id, result: {} }, false)
  }

  #answered(message: JSONRPCMessage, delivered = true): void {
    const pending = this.#pending
    const id = (message as { id?: RequestId }).id
    if (pending === undefined || id === undefined || !pending.delete(id)) return
    if (pending.size > 0) return
    this.#complete = true
    if (this.#mode !== 'sse') {
      const responses = this.#json ?? []
      this.#json = undefined
      if (responses.length === 0 && !delivered) {
        // Everything was cancelled: nothing to answer with.
        this.#resolveWith(new Response(null, { status: 202, headers: this.#host.headers }))
      } else {
        const body = this.#batch ? responses : responses[0]
        this.#resolveWith(jsonResponse(body, { headers: this.#host.headers }))
      }
      this.#host.onDone(this)
      return
    }
    if (this.#tail === undefined) this.#doneIfDelivered()
    else
      this.#tail = this.#tail.then(() => {
        this.#doneIfDelivered()
      })
  }

  #doneIfDelivered(): void {
    if (this.connected) this.#finishDelivered()
    // Without a connection the events stay stored until the client resumes.
  }

  #finishDelivered(): void {
    this.#connection?.close()
    void this.#host.events.deleteStream(this.#host.sessionId, this.id)
    this.#host.onDone(this)
  }

  /**
   * Sends a notification serialised once for many streams: only the `id:` line is made for this
   * stream; `event` (the `event:`/`data:` lines) is the same for every stream.
   */
  sendShared(data: string, event: SharedEvent): void {
    if (this.#complete) return
    if (this.#tail === undefined) {
      const seq = this.#host.events.append(this.#host.sessionId, this.id, data)
      if (typeof seq === 'number') {
        // One write per stream: the id line and the shared event in one chunk.
        this.#connection?.writeShared(`${this.id}_${seq}`, event)
        return
      }
      this.#tail = seq.then((value) => {
        this.#emit(value, data)
      })
      this.#tail.catch((error: unknown) => {
        this.#host.reportError(error)
      })
      return
    }
    this.#writeData(data)
  }

  #write(message: JSONRPCMessage): void {
    this.#writeData(JSON.stringify(message))
  }

  #writeData(data: string): void {
    if (this.#tail !== undefined) {
      this.#tail = this.#tail.then(async () => {
        this.#emit(await this.#host.events.append(this.#host.sessionId, this.id, data), data)
      })
      this.#tail.catch((error: unknown) => {
        this.#host.reportError(error)
      })
      return
    }
    const seq = this.#host.events.append(this.#host.sessionId, this.id, data)
    if (typeof seq === 'number') {
      this.#emit(seq, data)
      return
    }
    this.#tail = seq.then((value) => {
      this.#emit(value, data)
    })
    this.#tail.catch((error: unknown) => {
      this.#host.reportError(error)
    })
  }

  #emit(seq: number, data: string): void {
    this.#connection?.writeEvent({ id: `${this.id}_${seq}`, data })
  }

  /** Opens the first connection: the priming event carries an id (seq 0) and `retry`. */
  #openSse(): Response {
    const { sink, response } = this.#connect()
    sink.writeEvent({ id: `${this.id}_0`, retry: this.#host.retryMs, data: '' })
    return response
  }

  #connect(): { sink: SseSink; response: Response } {
    const open = this.#open
    this.#open = undefined
    if (open === undefined)
      throw new Error('A stream connection can only be opened once per request')
    const opened = open(this.#host.headers)
    const connection = opened.sink
    this.#connection = connection
    this.#host.keepAlive.add(connection)
    connection.onClose = () => {
      this.#host.keepAlive.delete(connection)
      if (this.#closeTimer !== undefined) clearTimeout(this.#closeTimer)
      this.#closeTimer = undefined
      // The stream outlives its connection: what is sent meanwhile is stored for resumption.
      if (this.#connection === connection) this.#connection = undefined
    }
    if (this.#host.closeConnectionsAfterMs > 0) {
      this.#closeTimer = setTimeout(() => {
        connection.close()
      }, this.#host.closeConnectionsAfterMs)
    }
    return opened
  }

  #resolveWith(response: Response): void {
    const resolve = this.#resolve
    this.#resolve = undefined
    resolve?.(response)
  }
}

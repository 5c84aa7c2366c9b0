/**
 * Server-sent events: framing, and one open connection as a web `ReadableStream`.
 * @module
 */

const encoder = new TextEncoder()

/** One SSE event to frame. */
export interface SseEvent {
  /** The `id:` field; absent for events that cannot be resumed (2024-11-05 streams). */
  id?: string
  /** The `event:` field. @default 'message' */
  event?: string
  /** The `data:` field. Must not contain a line break (serialised JSON never does). */
  data: string
  /** The `retry:` field, in milliseconds. */
  retry?: number
}

/** Frames one event as SSE text. */
export function formatEvent(event: SseEvent): string {
  let text = ''
  if (event.id !== undefined) text += `id: ${event.id}\n`
  if (event.retry !== undefined) text += `retry: ${event.retry}\n`
  if (event.data !== '' || event.event !== undefined) text += `event: ${event.event ?? 'message'}\n`
  return `${text}data: ${event.data}\n\n`
}

/** Frames one event as bytes. */
export function encodeEvent(event: SseEvent): Uint8Array {
  return encoder.encode(formatEvent(event))
}

/**
 * The part of a `message` event that does not depend on the stream: encoded once and written to
 * every stream of a broadcast after that stream's own `id:` line.
 */
export function encodeMessageBody(json: string): Uint8Array {
  return encoder.encode(`event: message\ndata: ${json}\n\n`)
}

/** The `id:` line that goes before a shared {@link encodeMessageBody}. */
export function encodeIdLine(id: string): Uint8Array {
  return encoder.encode(`id: ${id}\n`)
}

/**
 * One stream's chunk of a broadcast: its `id:` line, then the shared `body`, in one array. Event
 * ids are ASCII (a base-36 stream id, `_`, a number), so their bytes are written as they are,
 * without a TextEncoder pass for each of ten thousand streams.
 */
export function withIdLine(id: string, body: Uint8Array): Uint8Array {
  const start = 4 + id.length
  const chunk = new Uint8Array(start + 1 + body.length)
  chunk[0] = 0x69 // i
  chunk[1] = 0x64 // d
  chunk[2] = 0x3a // :
  chunk[3] = 0x20 // space
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index)
    if (code > 0x7f) {
      const line = encodeIdLine(id)
      const encoded = new Uint8Array(line.length + body.length)
      encoded.set(line)
      encoded.set(body, line.length)
      return encoded
    }
    chunk[4 + index] = code
  }
  chunk[start] = 0x0a // \n
  chunk.set(body, start + 1)
  return chunk
}

/**
 * A `message` event of a broadcast, made once for every stream: its text, its bytes, and the
 * byte length of the `id:` line plus these bytes is all a stream adds.
 */
export interface SharedEvent {
  /** `event: message\ndata: <json>\n\n` */
  readonly text: string
  /** The same, UTF-8 encoded. */
  readonly bytes: Uint8Array
}

/** The shared part of a broadcast's `message` event, encoded once. */
export function sharedMessageEvent(json: string): SharedEvent {
  const text = `event: message\ndata: ${json}\n\n`
  return { text, bytes: encoder.encode(text) }
}

/** The keep-alive comment; one shared chunk for every connection. */
export const KEEP_ALIVE_CHUNK: Uint8Array = encoder.encode(': keep-alive\n\n')

/** The response headers of every SSE stream. */
export const SSE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/event-stream',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  // Tells nginx-style proxies not to buffer the stream.
  'X-Accel-Buffering': 'no',
}

/** Why a connection closed. */
export type SseCloseReason = 'client' | 'server' | 'overflow'

/**
 * One open SSE response, whatever carries it (a web `ReadableStream`, or a Node response written
 * directly). Writes never throw: a write to a closed connection returns `false`.
 */
export interface SseSink {
  /** Whether the connection has closed. */
  readonly closed: boolean
  /** Called once, when the connection closes for any reason. */
  onClose: ((reason: SseCloseReason) => void) | undefined
  /** Writes bytes; `false` when the connection is closed (or just closed for overflow). */
  write(chunk: Uint8Array): boolean
  /** Frames and writes one event. */
  writeEvent(event: SseEvent): boolean
  /** Writes a broadcast's shared event after this stream's own `id:` line, as one chunk. */
  writeShared(id: string, event: SharedEvent): boolean
  /** Ends the response (the client sees a clean end of stream). */
  close(): void
}

/**
 * One open SSE response. Writes never throw: a write to a closed connection returns `false`.
 *
 * A client that reads more slowly than the server writes fills the stream's queue; past
 * `maxBufferedBytes` the connection is closed rather than grown without bound. Nothing is lost:
 * the events are in the event store and the client resumes with `Last-Event-ID`.
 */
export class SseConnection implements SseSink {
  /** The response body. */
  readonly body: ReadableStream<Uint8Array>
  /** Called once, when the connection closes for any reason. */
  onClose: ((reason: SseCloseReason) => void) | undefined
  #controller!: ReadableStreamDefaultController<Uint8Array>
  #closed = false

  constructor(maxBufferedBytes = 1024 * 1024) {
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller
        },
        cancel: () => {
          this.#finish('client')
        },
      },
      { highWaterMark: maxBufferedBytes, size: (chunk) => chunk.byteLength },
    )
  }

  /** Whether the connection has closed. */
  get closed(): boolean {
    return this.#closed
  }

  /** Writes bytes; `false` when the connection is closed (or just closed for overflow). */
  write(chunk: Uint8Array): boolean {
    if (this.#closed) return false
    this.#controller.enqueue(chunk)
    if ((this.#controller.desiredSize ?? 0) < 0) {
      this.#end('overflow')
      return false
    }
    return true
  }

  /** Frames and writes one event. */
  writeEvent(event: SseEvent): boolean {
    return this.write(encodeEvent(event))
  }

  /** Writes a broadcast's shared event after this stream's `id:` line, as one chunk. */
  writeShared(id: string, event: SharedEvent): boolean {
    return this.write(withIdLine(id, event.bytes))
  }

  /** Ends the response body (the client sees a clean end of stream). */
  close(): void {
    this.#end('server')
  }

  #end(reason: SseCloseReason): void {
    if (this.#closed) return
    try {
      this.#controller.close()
    } catch {
      // Already errored or cancelled by the runtime: nothing left to end.
    }
    this.#finish(reason)
  }

  #finish(reason: SseCloseReason): void {
    if (this.#closed) return
    this.#closed = true
    this.onClose?.(reason)
  }
}

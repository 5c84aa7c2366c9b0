/**
 * SSE written straight to a Node `ServerResponse` when the app runs on `@hono/node-server`:
 * no web stream in between, so a broadcast costs one socket write per stream and an idle stream
 * costs no stream machinery. Duck-typed, so this file imports nothing from `node:`.
 * @module
 */
import {
  formatEvent,
  type SharedEvent,
  type SseCloseReason,
  type SseEvent,
  type SseSink,
} from './sse-writer.js'

/** The part of a Node socket the sink writes to directly. */
export interface NodeSocket {
  readonly writable: boolean
  readonly writableLength: number
  write(chunk: Uint8Array | string): boolean
  cork(): void
  uncork(): void
}

/** The part of Node's `ServerResponse` this sink uses. */
export interface NodeOutgoing {
  readonly headersSent: boolean
  readonly writableLength: number
  readonly destroyed: boolean
  writeHead(status: number, headers: Record<string, string>): unknown
  flushHeaders(): void
  write(chunk: Uint8Array | string): boolean
  end(): unknown
  destroy(): unknown
  once(event: 'close', listener: () => void): unknown
  // node:http internals, read once to decide whether chunks may go straight to the socket.
  readonly socket?: unknown
  readonly chunkedEncoding?: boolean
  readonly _headerSent?: boolean
  readonly outputData?: unknown
}

/**
 * The response's socket when this sink may write HTTP/1.1 chunks to it itself: a node:http
 * response in chunked encoding whose headers already went out on the socket it owns, with
 * nothing of its own still queued. Everything written after that through the response lands
 * behind on the same socket, so the framing stays whole; `end()` still writes the last chunk.
 * `undefined` (write through the response) for anything else: HTTP/1.0, HTTP/2, a pipelined
 * response still waiting for its socket.
 */
function directSocket(outgoing: NodeOutgoing): NodeSocket | undefined {
  if (outgoing.chunkedEncoding !== true || outgoing._headerSent !== true) return undefined
  if (!Array.isArray(outgoing.outputData) || outgoing.outputData.length > 0) return undefined
  const socket = outgoing.socket as (Partial<NodeSocket> & { _httpMessage?: unknown }) | null
  if (typeof socket?.write !== 'function' || socket._httpMessage !== outgoing) return undefined
  if (socket.writable !== true) return undefined
  return socket as NodeSocket
}

const CRLF = '\r\n'

/**
 * Whether every character is ASCII, so that its byte length is its length. Event ids are (a
 * base-36 stream id, `_`, a number); the check keeps a custom id from breaking the framing.
 */
function isAscii(text: string): boolean {
  for (let index = 0; index < text.length; index++) if (text.charCodeAt(index) > 0x7f) return false
  return true
}

const utf8 = new TextEncoder()

function byteLength(text: string): number {
  return isAscii(text) ? text.length : utf8.encode(text).byteLength
}

/** Whether `value` is a Node `ServerResponse` that has not started yet. */
export function isNodeOutgoing(value: unknown): value is NodeOutgoing {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<Record<keyof NodeOutgoing, unknown>>
  return (
    typeof candidate.writeHead === 'function' &&
    typeof candidate.write === 'function' &&
    typeof candidate.flushHeaders === 'function' &&
    candidate.headersSent === false
  )
}

/** An {@link SseSink} over a Node response. */
export class NodeResponseSink implements SseSink {
  onClose: ((reason: SseCloseReason) => void) | undefined
  readonly #outgoing: NodeOutgoing
  readonly #maxBufferedBytes: number
  /** Set when chunks go straight to the socket (see {@link directSocket}). */
  readonly #socket: NodeSocket | undefined
  #closed = false
  #ending: SseCloseReason | undefined

  constructor(outgoing: NodeOutgoing, headers: Record<string, string>, maxBufferedBytes: number) {
    this.#outgoing = outgoing
    this.#maxBufferedBytes = maxBufferedBytes
    outgoing.once('close', () => {
      this.#finish(this.#ending ?? 'client')
    })
    outgoing.writeHead(200, headers)
    outgoing.flushHeaders()
    this.#socket = directSocket(outgoing)
  }

  get closed(): boolean {
    return this.#closed
  }

  write(chunk: Uint8Array | string): boolean {
    if (this.#closed || this.#ending !== undefined) return false
    const socket = this.#socket
    if (socket === undefined) {
      this.#outgoing.write(chunk)
      return this.#checkBuffered(this.#outgoing.writableLength)
    }
    // Gone, its close event not yet delivered: nothing to write to.
    if (!socket.writable) return false
    if (typeof chunk === 'string') {
      socket.write(`${byteLength(chunk).toString(16)}${CRLF}${chunk}${CRLF}`)
    } else {
      // One writev for the three pieces.
      socket.cork()
      socket.write(`${chunk.byteLength.toString(16)}${CRLF}`)
      socket.write(chunk)
      socket.write(CRLF)
      socket.uncork()
    }
    return this.#checkBuffered(socket.writableLength)
  }

  /**
   * On a direct socket: one string and one write system call per stream, done before this
   * returns, with no Buffer made in JavaScript and no deferred uncork per response.
   */
  writeShared(id: string, event: SharedEvent): boolean {
    const socket = this.#socket
    if (socket === undefined || !isAscii(id)) return this.write(`id: ${id}\n${event.text}`)
    if (this.#closed || this.#ending !== undefined || !socket.writable) return false
    const size = id.length + 5 + event.bytes.byteLength
    socket.write(`${size.toString(16)}${CRLF}id: ${id}\n${event.text}${CRLF}`)
    return this.#checkBuffered(socket.writableLength)
  }

  #checkBuffered(buffered: number): boolean {
    if (buffered > this.#maxBufferedBytes) {
      // The client stopped reading: drop the connection; it resumes from the event store.
      this.#ending = 'overflow'
      this.#outgoing.destroy()
      this.#finish('overflow')
      return false
    }
    return true
  }

  writeEvent(event: SseEvent): boolean {
    // Node encodes the text as it writes it: no TextEncoder pass and no intermediate bytes.
    return this.write(formatEvent(event))
  }

  close(): void {
    if (this.#closed || this.#ending !== undefined) return
    this.#ending = 'server'
    this.#outgoing.end()
    // Ended by us: report at once rather than when the socket is done flushing.
    this.#finish('server')
  }

  #finish(reason: SseCloseReason): void {
    if (this.#closed) return
    this.#closed = true
    this.onClose?.(reason)
  }
}

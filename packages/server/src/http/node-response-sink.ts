/**
 * SSE written straight to a Node `ServerResponse` when the app runs on `@hono/node-server`:
 * no web stream in between, so a broadcast costs one socket write per stream and an idle stream
 * costs no stream machinery. Duck-typed, so this file imports nothing from `node:`.
 * @module
 */
import { formatEvent, type SseCloseReason, type SseEvent, type SseSink } from './sse-writer.js'

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
  }

  get closed(): boolean {
    return this.#closed
  }

  write(chunk: Uint8Array | string): boolean {
    if (this.#closed || this.#ending !== undefined) return false
    this.#outgoing.write(chunk)
    if (this.#outgoing.writableLength > this.#maxBufferedBytes) {
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

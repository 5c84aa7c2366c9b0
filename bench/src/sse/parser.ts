/**
 * A small incremental Server-Sent Events parser for the load generator: the same code reads every
 * contender's streams, so its cost is the same for all of them.
 * @module
 */

/** One dispatched event. `event` is `message` when the stream named none. */
export interface SseEvent {
  event: string
  data: string
  id?: string
}

/**
 * Feeds text chunks in, calls `onEvent` for each complete event. Lines may end in LF, CRLF or CR
 * and may be split anywhere across chunks; comments (`:`) and `retry` are skipped, as are events
 * without a `data` field (the WHATWG rules).
 *
 * @example
 * const parser = new SseParser((event) => console.log(event.data))
 * body.on('data', (chunk: string) => parser.feed(chunk))
 */
export class SseParser {
  #onEvent: (event: SseEvent) => void
  #pending = ''
  #event = ''
  #data: string[] = []
  #id: string | undefined

  constructor(onEvent: (event: SseEvent) => void) {
    this.#onEvent = onEvent
  }

  /** Parses what the chunk completes; keeps an unfinished line for the next chunk. */
  feed(chunk: string): void {
    const text = this.#pending + chunk
    let start = 0
    for (;;) {
      const lf = text.indexOf('\n', start)
      const cr = text.indexOf('\r', start)
      let end: number
      let next: number
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A CR at the very end may be the first half of a CRLF split across chunks.
        if (cr === text.length - 1) break
        end = cr
        next = text[cr + 1] === '\n' ? cr + 2 : cr + 1
      } else if (lf !== -1) {
        end = lf
        next = lf + 1
      } else {
        break
      }
      this.#line(text.slice(start, end))
      start = next
    }
    this.#pending = text.slice(start)
  }

  #line(line: string): void {
    if (line === '') {
      if (this.#data.length > 0) {
        const event: SseEvent = { event: this.#event || 'message', data: this.#data.join('\n') }
        if (this.#id !== undefined) event.id = this.#id
        this.#onEvent(event)
      }
      this.#event = ''
      this.#data = []
      return
    }
    if (line.startsWith(':')) return
    const colon = line.indexOf(':')
    const field = colon === -1 ? line : line.slice(0, colon)
    let value = colon === -1 ? '' : line.slice(colon + 1)
    if (value.startsWith(' ')) value = value.slice(1)
    if (field === 'data') this.#data.push(value)
    else if (field === 'event') this.#event = value
    else if (field === 'id' && !value.includes('\0')) this.#id = value
  }
}

/** Every event in a complete SSE body (a POST answered with `text/event-stream`). */
export function parseSseBody(text: string): SseEvent[] {
  const events: SseEvent[] = []
  const parser = new SseParser((event) => events.push(event))
  parser.feed(text)
  parser.feed('\n\n')
  return events
}

/**
 * Reads the JSON messages of an SSE response in order, for tests.
 * @module
 */

/** Pulls `data:` events off a response body one message at a time. */
export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>
  readonly #decoder = new TextDecoder()
  readonly #queue: unknown[] = []
  #buffer = ''
  #done = false

  constructor(response: Response) {
    if (response.body === null) throw new Error('The response has no body')
    this.#reader = response.body.getReader()
  }

  /** The next message, or `undefined` when the stream ended. */
  async next(): Promise<unknown> {
    while (this.#queue.length === 0 && !this.#done) await this.#pull()
    return this.#queue.shift()
  }

  /** Every message until the stream ends. */
  async rest(): Promise<unknown[]> {
    const messages: unknown[] = []
    for (;;) {
      const message = await this.next()
      if (message === undefined) return messages
      messages.push(message)
    }
  }

  /** Whether the stream has ended (after reading what is buffered). */
  async ended(): Promise<boolean> {
    return (await this.next()) === undefined
  }

  /** Closes the stream from the client side, as a client that cancels does. */
  async cancel(): Promise<void> {
    await this.#reader.cancel()
  }

  async #pull(): Promise<void> {
    const { value, done } = await this.#reader.read()
    if (done) {
      this.#done = true
      return
    }
    this.#buffer += this.#decoder.decode(value, { stream: true })
    let end = this.#buffer.indexOf('\n\n')
    while (end !== -1) {
      const event = this.#buffer.slice(0, end)
      this.#buffer = this.#buffer.slice(end + 2)
      const data = event
        .split('\n')
        .filter((line) => line.startsWith('data:'))
        .map((line) => line.slice(5).trimStart())
        .join('\n')
      if (data !== '') this.#queue.push(JSON.parse(data))
      end = this.#buffer.indexOf('\n\n')
    }
  }
}

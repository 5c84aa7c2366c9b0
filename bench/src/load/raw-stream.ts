/**
 * Idle SSE streams on bare sockets, for the 10,000-stream scenarios. An HTTP client library's
 * response machinery costs tens of microseconds per chunk, which at 10,000 streams is hundreds of
 * milliseconds of the load generator's own time; a socket that only looks for a token in the
 * bytes keeps the generator's share of the broadcast figure small.
 * @module
 */
import { connect, type Socket } from 'node:net'
import { HOST } from '../process/ports.js'

/** An open stream. */
export interface RawStream {
  close(): void
}

const HEADER_END = Buffer.from('\r\n\r\n')

/**
 * Sends `GET <path>` over a new connection and resolves once a 2xx status line and the headers
 * arrived; every later chunk of the body (chunked framing included) goes to `onData`. Rejects with
 * the status line when the server refuses the stream.
 */
export function openRawStream(
  port: number,
  path: string,
  headers: Record<string, string>,
  onData: (chunk: Buffer) => void,
): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect({ port, host: HOST })
    socket.setNoDelay(true)
    let head: Buffer | undefined = Buffer.alloc(0)
    const fail = (error: Error): void => {
      socket.destroy()
      reject(error)
    }
    socket.once('connect', () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: ${HOST}:${port}`, 'Accept: text/event-stream']
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    })
    socket.on('data', (chunk: Buffer) => {
      if (head === undefined) {
        onData(chunk)
        return
      }
      head = Buffer.concat([head, chunk])
      const end = head.indexOf(HEADER_END)
      if (end === -1) {
        if (head.length > 16_384) fail(new Error(`GET ${path}: response headers too large`))
        return
      }
      const statusLine = head.subarray(0, head.indexOf('\r\n')).toString('latin1')
      const status = Number(statusLine.split(' ')[1])
      if (!(status >= 200 && status < 300)) {
        fail(
          new Error(
            `GET ${path} answered ${statusLine}: ${head.subarray(end + 4, end + 200).toString()}`,
          ),
        )
        return
      }
      const rest = head.subarray(end + 4)
      head = undefined
      resolve({ close: () => socket.destroy() })
      if (rest.length > 0) onData(rest)
    })
    socket.once('error', fail)
    socket.once('close', () => {
      if (head !== undefined) reject(new Error(`GET ${path}: connection closed before the headers`))
    })
  })
}

/**
 * Looks for a token in a byte stream delivered in chunks, including a token split across two
 * chunks. One watcher per stream; {@link TokenWatcher.arm} starts a new round.
 */
export class TokenWatcher {
  #token: Buffer = Buffer.alloc(0)
  #round = 0
  #seenRound = 0
  #tail: Buffer = Buffer.alloc(0)

  /** Starts looking for `token`; it can then be seen once. */
  arm(token: Buffer, round: number): void {
    this.#token = token
    this.#round = round
    this.#tail = Buffer.alloc(0)
  }

  /** Feeds a chunk; true the first time the armed token has been seen. */
  feed(chunk: Buffer): boolean {
    if (this.#token.length === 0 || this.#seenRound === this.#round) return false
    const haystack = this.#tail.length === 0 ? chunk : Buffer.concat([this.#tail, chunk])
    const found = haystack.indexOf(this.#token) !== -1
    // Copy the tail so a watcher never pins a whole chunk in memory.
    this.#tail = Buffer.from(
      haystack.subarray(Math.max(0, haystack.length - this.#token.length + 1)),
    )
    if (found) this.#seenRound = this.#round
    return found
  }
}

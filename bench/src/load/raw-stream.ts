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
 * Every raw stream reads into this one buffer (`onread`): Node then hands each read to a callback
 * directly, without allocating a Buffer for it or passing it through a Readable stream, which is
 * most of what reading a socket costs in JavaScript. The bytes are only valid during the
 * callback: `onData` must not keep the chunk it is given.
 */
const READ_BUFFER = Buffer.alloc(64 * 1024)

/**
 * Sends `GET <path>` over a new connection and resolves once a 2xx status line and the headers
 * arrived; every later chunk of the body (chunked framing included) goes to `onData`, valid only
 * during the call. Rejects with the status line when the server refuses the stream.
 */
export function openRawStream(
  port: number,
  path: string,
  headers: Record<string, string>,
  onData: (chunk: Buffer) => void,
): Promise<RawStream> {
  return new Promise((resolve, reject) => {
    let head: Buffer | undefined = Buffer.alloc(0)
    const socket: Socket = connect({
      port,
      host: HOST,
      onread: {
        buffer: READ_BUFFER,
        callback: (bytes) => {
          const chunk = READ_BUFFER.subarray(0, bytes)
          if (head === undefined) onData(chunk)
          else readHead(Buffer.from(chunk))
          return true
        },
      },
    })
    socket.setNoDelay(true)
    const fail = (error: Error): void => {
      socket.destroy()
      reject(error)
    }
    socket.once('connect', () => {
      const lines = [`GET ${path} HTTP/1.1`, `Host: ${HOST}:${port}`, 'Accept: text/event-stream']
      for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`)
      socket.write(`${lines.join('\r\n')}\r\n\r\n`)
    })
    const readHead = (chunk: Buffer): void => {
      if (head === undefined) return
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
    }
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

  /** Feeds a chunk (not kept); true the first time the armed token has been seen. */
  feed(chunk: Buffer): boolean {
    const token = this.#token
    if (token.length === 0 || this.#seenRound === this.#round) return false
    let found = chunk.indexOf(token) !== -1
    if (!found && this.#tail.length > 0) {
      // Only a token that starts in the tail and ends in this chunk is left to look for.
      const joint = Buffer.concat([this.#tail, chunk.subarray(0, token.length - 1)])
      found = joint.indexOf(token) !== -1
    }
    if (found) {
      this.#seenRound = this.#round
      this.#tail = Buffer.alloc(0)
      return true
    }
    // A copy of the last bytes: the chunk itself is only valid during this call.
    const keep = token.length - 1
    this.#tail =
      chunk.length >= keep
        ? Buffer.from(chunk.subarray(chunk.length - keep))
        : Buffer.concat([this.#tail, chunk]).subarray(-keep)
    return false
  }
}

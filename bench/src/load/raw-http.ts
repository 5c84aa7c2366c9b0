/**
 * HTTP/1.1 on bare keep-alive sockets for the closed and open loops: one request at a time per
 * connection, the response read whole (`Content-Length` or chunked). An HTTP client library's
 * request and response machinery costs tens of microseconds per call; on a two-core machine
 * where the load generator shares the CPU with the server, that cost caps every contender at the
 * same ceiling and hides the differences the benchmark is for. The same code talks to every
 * contender, so each pays the same client-side cost, and that cost is small.
 * @module
 */
import { connect, type Socket } from 'node:net'

/** A complete HTTP response. */
export interface RawReply {
  status: number
  /** Header names in lower case; a repeated header keeps its last value. */
  headers: Record<string, string>
  body: string
}

const CRLF = 0x0d
const HEADER_END = Buffer.from('\r\n\r\n')
const MAX_HEAD_BYTES = 65_536

interface Waiter {
  resolve: (reply: RawReply) => void
  reject: (error: Error) => void
  what: string
}

type BodyMode =
  | { kind: 'length'; remaining: number }
  | { kind: 'chunked'; size: number; trailer: boolean }
  | { kind: 'close' }

/**
 * Every connection of the generator reads into this one buffer (`onread`): Node then hands each
 * read to a callback directly instead of allocating a Buffer for it and passing it through a
 * Readable stream, which is most of what reading a socket costs in JavaScript. What a read
 * delivers is valid only during the callback.
 */
export const READ_BUFFER = Buffer.alloc(64 * 1024)

/**
 * Parses HTTP/1.1 responses from a byte stream, one after another; body bytes go to `onBody`
 * as they arrive, `onEnd` when a response is complete. Chunked framing is removed. Neither
 * `feed` nor `onBody` may keep the bytes they are given past the call: what must wait for more
 * input is copied.
 */
export class ResponseReader {
  #buffer: Buffer | undefined
  #head: { status: number; headers: Record<string, string> } | undefined
  #mode: BodyMode | undefined
  readonly #onHead: (status: number, headers: Record<string, string>) => void
  readonly #onBody: (chunk: Buffer) => void
  readonly #onEnd: () => void

  constructor(
    onHead: (status: number, headers: Record<string, string>) => void,
    onBody: (chunk: Buffer) => void,
    onEnd: () => void,
  ) {
    this.#onHead = onHead
    this.#onBody = onBody
    this.#onEnd = onEnd
  }

  /** Whether a response has started and not ended (its headers arrived). */
  get inBody(): boolean {
    return this.#head !== undefined
  }

  /** Whether the current response is delimited by the end of the connection. */
  get endsWithConnection(): boolean {
    return this.#mode?.kind === 'close'
  }

  /** Feeds bytes from the socket. Throws on a malformed response. */
  feed(chunk: Buffer): void {
    let data = this.#buffer === undefined ? chunk : Buffer.concat([this.#buffer, chunk])
    this.#buffer = undefined
    while (data.length > 0) {
      if (this.#head === undefined) {
        const end = data.indexOf(HEADER_END)
        if (end === -1) {
          if (data.length > MAX_HEAD_BYTES) throw new Error('response headers too large')
          this.#buffer = Buffer.from(data)
          return
        }
        this.#startResponse(data.toString('latin1', 0, end))
        data = data.subarray(end + 4)
        if (this.#mode?.kind === 'length' && this.#mode.remaining === 0) this.#finish()
        continue
      }
      data = this.#bodyBytes(data)
    }
  }

  #startResponse(head: string): void {
    const lines = head.split('\r\n')
    const statusLine = lines[0] ?? ''
    const status = Number(statusLine.slice(9, 12))
    if (!statusLine.startsWith('HTTP/1.') || !Number.isInteger(status)) {
      throw new Error(`not an HTTP/1.1 status line: ${statusLine.slice(0, 80)}`)
    }
    const headers: Record<string, string> = {}
    for (let index = 1; index < lines.length; index++) {
      const line = lines[index]!
      const colon = line.indexOf(':')
      if (colon <= 0) continue
      headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim()
    }
    this.#head = { status, headers }
    const length = headers['content-length']
    if (headers['transfer-encoding']?.toLowerCase().includes('chunked') === true) {
      this.#mode = { kind: 'chunked', size: -1, trailer: false }
    } else if (length !== undefined) {
      this.#mode = { kind: 'length', remaining: Number(length) }
    } else if (status === 204 || status === 304 || (status >= 100 && status < 200)) {
      this.#mode = { kind: 'length', remaining: 0 }
    } else {
      this.#mode = { kind: 'close' }
    }
    this.#onHead(status, headers)
  }

  /** Consumes body bytes of the current response; returns what belongs to the next one. */
  #bodyBytes(data: Buffer): Buffer {
    const mode = this.#mode!
    if (mode.kind === 'close') {
      this.#onBody(data)
      return data.subarray(data.length)
    }
    if (mode.kind === 'length') {
      const take = Math.min(mode.remaining, data.length)
      if (take > 0) this.#onBody(data.subarray(0, take))
      mode.remaining -= take
      if (mode.remaining === 0) this.#finish()
      return data.subarray(take)
    }
    let offset = 0
    while (offset < data.length) {
      if (mode.size === -1) {
        // A chunk-size line (or, after the last chunk, trailer lines up to an empty line).
        const end = data.indexOf('\r\n', offset)
        if (end === -1) {
          this.#buffer = Buffer.from(data.subarray(offset))
          return data.subarray(data.length)
        }
        const line = data.toString('latin1', offset, end)
        offset = end + 2
        if (mode.trailer) {
          if (line === '') {
            this.#finish()
            return data.subarray(offset)
          }
          continue
        }
        const size = Number.parseInt(line, 16)
        if (!Number.isInteger(size) || size < 0) throw new Error(`bad chunk size: ${line}`)
        if (size === 0) {
          mode.trailer = true
          continue
        }
        mode.size = size
        continue
      }
      if (mode.size > 0) {
        const take = Math.min(mode.size, data.length - offset)
        this.#onBody(data.subarray(offset, offset + take))
        offset += take
        mode.size -= take
        if (mode.size > 0) return data.subarray(data.length)
      }
      // The CRLF after a chunk's data.
      if (data.length - offset < 2) {
        this.#buffer = Buffer.from(data.subarray(offset))
        return data.subarray(data.length)
      }
      if (data[offset] !== CRLF) throw new Error('chunk data not followed by CRLF')
      offset += 2
      mode.size = -1
    }
    return data.subarray(data.length)
  }

  #finish(): void {
    this.#head = undefined
    this.#mode = undefined
    this.#onEnd()
  }
}

/**
 * One keep-alive connection that sends a request and reads its whole response, then the next.
 * A response that closes the connection (`Connection: close`, or no length) is read to the end
 * and the next request opens a new socket.
 */
export class RawHttpConnection {
  readonly #port: number
  readonly #host: string
  #socket: Socket | undefined
  #connecting: Promise<Socket> | undefined
  #waiter: Waiter | undefined
  #status = 0
  #headers: Record<string, string> = {}
  #chunks: Buffer[] = []

  constructor(port: number, host = '127.0.0.1') {
    this.#port = port
    this.#host = host
  }

  /**
   * Sends one request and resolves with the whole response. `headers` are sent as given (plus
   * `Host` and, with a body, `Content-Length`); one request at a time per connection.
   */
  async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<RawReply> {
    if (this.#waiter !== undefined) throw new Error('RawHttpConnection: one request at a time')
    const socket = this.#socket ?? (await this.#connect())
    let head = `${method} ${path} HTTP/1.1\r\nHost: ${this.#host}:${this.#port}\r\n`
    for (const name in headers) head += `${name}: ${headers[name]}\r\n`
    const what = `${method} ${path}`
    const reply = new Promise<RawReply>((resolve, reject) => {
      this.#waiter = { resolve, reject, what }
    })
    if (body === undefined) {
      socket.write(`${head}\r\n`, 'latin1')
    } else {
      socket.write(`${head}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`)
    }
    return reply
  }

  /** Closes the socket; a request in flight fails. */
  close(): void {
    this.#socket?.destroy()
    this.#socket = undefined
  }

  #connect(): Promise<Socket> {
    this.#connecting ??= new Promise<Socket>((resolve, reject) => {
      const socket = connect({
        port: this.#port,
        host: this.#host,
        onread: {
          buffer: READ_BUFFER,
          callback: (bytes) => {
            try {
              reader.feed(READ_BUFFER.subarray(0, bytes))
            } catch (error) {
              this.#fail(error as Error)
              socket.destroy()
            }
            return true
          },
        },
      })
      socket.setNoDelay(true)
      // A fresh parser per socket: a response cut short must not confuse the next one.
      const reader = new ResponseReader(
        (status, headers) => {
          this.#status = status
          this.#headers = headers
          this.#chunks = []
        },
        (chunk) => {
          this.#chunks.push(Buffer.from(chunk))
        },
        () => {
          this.#complete()
        },
      )
      socket.once('connect', () => {
        this.#socket = socket
        this.#connecting = undefined
        resolve(socket)
      })
      socket.once('error', (error) => {
        this.#connecting = undefined
        reject(error)
        this.#fail(error)
      })
      socket.once('close', () => {
        if (this.#socket === socket) this.#socket = undefined
        if (reader.inBody && reader.endsWithConnection) {
          this.#complete()
          return
        }
        this.#fail(new Error('the connection closed before the response ended'))
      })
    })
    return this.#connecting
  }

  #complete(): void {
    const waiter = this.#waiter
    this.#waiter = undefined
    const body =
      this.#chunks.length === 1
        ? this.#chunks[0]!.toString('utf8')
        : Buffer.concat(this.#chunks).toString('utf8')
    this.#chunks = []
    if (this.#headers.connection?.toLowerCase() === 'close') this.close()
    waiter?.resolve({ status: this.#status, headers: this.#headers, body })
  }

  #fail(error: Error): void {
    const waiter = this.#waiter
    this.#waiter = undefined
    waiter?.reject(new Error(`${waiter.what}: ${error.message}`))
  }
}

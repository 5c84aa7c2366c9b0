/**
 * The load generator's HTTP layer: pools of keep-alive connections to one server (bare sockets,
 * see `raw-http.ts` for why), a request helper that reads the whole body, and long-lived SSE
 * streams.
 * @module
 */
import { connect } from 'node:net'
import { StringDecoder } from 'node:string_decoder'
import { READ_BUFFER, RawHttpConnection, ResponseReader, type RawReply } from './raw-http.js'

/** How long one request may wait for its whole response. */
const REQUEST_TIMEOUT_MS = 30_000

/**
 * Up to `connections` HTTP/1.1 keep-alive connections to one origin, no pipelining; requests
 * beyond that wait for a free connection, in order. Streams get a socket of their own each.
 */
export class Pool {
  readonly port: number
  readonly host: string
  readonly #max: number
  readonly #idle: RawHttpConnection[] = []
  readonly #busy = new Map<RawHttpConnection, number>()
  readonly #queue: Array<(connection: RawHttpConnection) => void> = []
  readonly #streams = new Set<{ close(): void }>()
  readonly #timer: ReturnType<typeof setInterval>
  #created = 0
  #destroyed = false

  constructor(origin: string, connections: number) {
    const url = new URL(origin)
    this.host = url.hostname
    this.port = Number(url.port)
    this.#max = connections
    // One timer for every request of the pool instead of one per request.
    this.#timer = setInterval(() => {
      const now = performance.now()
      for (const [connection, started] of this.#busy) {
        if (now - started > REQUEST_TIMEOUT_MS) connection.close()
      }
    }, 1000)
    this.#timer.unref()
  }

  /** Sends one request on a free connection and reads the whole response. */
  async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<RawReply> {
    if (this.#destroyed) throw new Error(`${method} ${path}: the pool was destroyed`)
    const connection = this.#idle.pop() ?? (await this.#acquire())
    this.#busy.set(connection, performance.now())
    try {
      return await connection.request(method, path, headers, body)
    } finally {
      this.#busy.delete(connection)
      this.#release(connection)
    }
  }

  /** Registers a stream so that {@link Pool.destroy} closes it. */
  track(stream: { close(): void }): () => void {
    this.#streams.add(stream)
    return () => this.#streams.delete(stream)
  }

  /** Closes every connection and stream. */
  destroy(): Promise<void> {
    this.#destroyed = true
    clearInterval(this.#timer)
    for (const connection of this.#idle) connection.close()
    for (const connection of this.#busy.keys()) connection.close()
    for (const stream of this.#streams) stream.close()
    this.#idle.length = 0
    this.#streams.clear()
    return Promise.resolve()
  }

  #acquire(): Promise<RawHttpConnection> | RawHttpConnection {
    if (this.#created < this.#max) {
      this.#created++
      return new RawHttpConnection(this.port, this.host)
    }
    return new Promise((resolve) => this.#queue.push(resolve))
  }

  #release(connection: RawHttpConnection): void {
    if (this.#destroyed) {
      connection.close()
      return
    }
    const next = this.#queue.shift()
    if (next !== undefined) next(connection)
    else this.#idle.push(connection)
  }
}

/** A pool of `connections` keep-alive connections to `origin` (`http://127.0.0.1:<port>`). */
export function createPool(origin: string, connections: number): Pool {
  return new Pool(origin, connections)
}

/** A complete HTTP response. */
export interface Reply {
  status: number
  contentType: string
  sessionId: string | undefined
  text: string
}

/** Sends one request and reads the whole response body as text. */
export async function send(
  pool: Pool,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  const reply = await pool.request(method, path, headers, body)
  return {
    status: reply.status,
    contentType: reply.headers['content-type'] ?? '',
    sessionId: reply.headers['mcp-session-id'],
    text: reply.body,
  }
}

/** An open SSE response stream. */
export interface OpenStream {
  status: number
  /** Aborts the stream (the connection is closed). */
  close(): void
}

/**
 * GETs `path` on a connection of its own and hands every text chunk of the response body
 * (chunked framing removed) to `onChunk` until the stream ends or is closed. Resolves once the
 * response headers arrived; rejects on a non-2xx status.
 */
export function openStream(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  onChunk: (text: string) => void,
  onEnd?: () => void,
): Promise<OpenStream> {
  return new Promise((resolve, reject) => {
    const socket = connect({
      port: pool.port,
      host: pool.host,
      onread: {
        buffer: READ_BUFFER,
        callback: (bytes) => {
          try {
            reader.feed(READ_BUFFER.subarray(0, bytes))
          } catch (error) {
            errorText ||= (error as Error).message
            socket.destroy()
          }
          return true
        },
      },
    })
    socket.setNoDelay(true)
    const decoder = new StringDecoder('utf8')
    let status = 0
    let errorText = ''
    let untrack: (() => void) | undefined
    const stream: OpenStream = {
      get status() {
        return status
      },
      close: () => {
        socket.destroy()
      },
    }
    const reader = new ResponseReader(
      (code) => {
        status = code
        if (code >= 200 && code < 300) {
          untrack = pool.track(stream)
          resolve(stream)
        }
      },
      (chunk) => {
        if (status >= 200 && status < 300) onChunk(decoder.write(chunk))
        else errorText += chunk.toString('utf8')
      },
      () => {
        socket.destroy()
      },
    )
    socket.once('connect', () => {
      let head = `GET ${path} HTTP/1.1\r\nHost: ${pool.host}:${pool.port}\r\naccept: text/event-stream\r\n`
      for (const name in headers) head += `${name}: ${headers[name]}\r\n`
      socket.write(`${head}\r\n`, 'latin1')
    })
    socket.once('error', () => undefined)
    socket.once('close', () => {
      untrack?.()
      if (status >= 200 && status < 300) {
        onEnd?.()
        return
      }
      reject(
        new Error(
          status === 0
            ? `GET ${path}: the connection closed before the response headers${errorText === '' ? '' : ` (${errorText})`}`
            : `GET ${path} answered ${status}: ${errorText.slice(0, 200)}`,
        ),
      )
    })
  })
}

/**
 * The load generator's HTTP layer: undici connection pools to one server, a request helper that
 * reads the whole body, and long-lived SSE streams.
 * @module
 */
import { Pool } from 'undici'

/** A keep-alive pool of `connections` HTTP/1.1 connections to `origin`, no pipelining. */
export function createPool(origin: string, connections: number): Pool {
  return new Pool(origin, {
    connections,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    headersTimeout: 30_000,
    bodyTimeout: 30_000,
    connect: { timeout: 10_000 },
  })
}

/** A complete HTTP response. */
export interface Reply {
  status: number
  contentType: string
  sessionId: string | undefined
  text: string
}

function header(headers: Record<string, string | string[] | undefined>, name: string) {
  const value = headers[name]
  return Array.isArray(value) ? value[0] : value
}

/** Sends one request and reads the whole response body as text. */
export async function send(
  pool: Pool,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Reply> {
  const response = await pool.request({ method, path, headers, body })
  const text = await response.body.text()
  return {
    status: response.statusCode,
    contentType: header(response.headers, 'content-type') ?? '',
    sessionId: header(response.headers, 'mcp-session-id'),
    text,
  }
}

/** An open SSE response stream. */
export interface OpenStream {
  status: number
  /** Aborts the stream (the connection is closed). */
  close(): void
}

/**
 * GETs `path` and hands every text chunk of the response body to `onChunk` until the stream ends
 * or is closed. Resolves once the response headers arrived; rejects on a non-2xx status.
 */
export async function openStream(
  pool: Pool,
  path: string,
  headers: Record<string, string>,
  onChunk: (text: string) => void,
  onEnd?: () => void,
): Promise<OpenStream> {
  const response = await pool.request({
    method: 'GET',
    path,
    headers: { accept: 'text/event-stream', ...headers },
    bodyTimeout: 0,
  })
  if (response.statusCode < 200 || response.statusCode >= 300) {
    const text = await response.body.text().catch(() => '')
    throw new Error(`GET ${path} answered ${response.statusCode}: ${text.slice(0, 200)}`)
  }
  const body = response.body
  body.setEncoding('utf8')
  body.on('data', onChunk)
  body.on('error', () => undefined)
  body.on('close', () => onEnd?.())
  return {
    status: response.statusCode,
    close: () => {
      body.destroy()
    },
  }
}

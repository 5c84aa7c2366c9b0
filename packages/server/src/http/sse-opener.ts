/**
 * Opening an SSE response: on `@hono/node-server`, written straight to the Node response; on
 * every other runtime, a web `ReadableStream`.
 * @module
 */
import type { Context } from 'hono'
import { NodeResponseSink, isNodeOutgoing } from './node-response-sink.js'
import { SSE_HEADERS, SseConnection, type SseSink } from './sse-writer.js'

/** An opened SSE response: where to write, and what the handler returns. */
export interface OpenedSse {
  sink: SseSink
  response: Response
}

/** Opens one SSE response with the given extra headers. */
export type SseOpener = (headers: Record<string, string>) => OpenedSse

// @hono/node-server's marker for "the handler wrote the response itself".
const ALREADY_SENT_HEADER = 'x-hono-already-sent'

/** An opener that uses web streams (every runtime). */
export function webSseOpener(maxBufferedBytes: number): SseOpener {
  return (headers) => {
    const sink = new SseConnection(maxBufferedBytes)
    return {
      sink,
      response: new Response(sink.body, { status: 200, headers: { ...SSE_HEADERS, ...headers } }),
    }
  }
}

/**
 * The opener for one request. With `nodeStreams` and a Node response available (the app runs on
 * `@hono/node-server`), the stream is written directly to it; headers that middleware set before
 * the handler ran (CORS, say) are kept.
 */
export function sseOpenerFor(
  c: Context,
  maxBufferedBytes: number,
  nodeStreams: boolean,
): SseOpener {
  const outgoing = nodeStreams ? (c.env as { outgoing?: unknown } | undefined)?.outgoing : undefined
  if (!isNodeOutgoing(outgoing)) return webSseOpener(maxBufferedBytes)
  return (headers) => {
    const all: Record<string, string> = {}
    c.res.headers.forEach((value, key) => {
      all[key] = value
    })
    Object.assign(all, SSE_HEADERS, headers)
    const sink = new NodeResponseSink(outgoing, all, maxBufferedBytes)
    return { sink, response: new Response(null, { headers: { [ALREADY_SENT_HEADER]: 'true' } }) }
  }
}

/**
 * Reading the SSE stream that answers a POSTed request, resuming it until the response arrives.
 * @module
 */
import { LocalError, type JSONRPCRequest } from '@mcp-sse/protocol'
import { readSse } from '../sse/read-sse.js'
import { dispatchBody, type Dispatch } from './dispatch.js'
import { reconnectDelay, sleep, type ResolvedReconnectOptions } from './reconnect.js'

/** One request in flight: aborted when its response arrived anywhere, or the peer gave up. */
export interface Exchange {
  controller: AbortController
  /** Whether the response has been dispatched. */
  done: boolean
  /** Whether the answer is an SSE stream (not a JSON body, which is read whole). */
  streaming: boolean
  /** Whether the stream being read is a resumption (GET), which may stay open after the response. */
  resumed: boolean
}

/** What {@link readResponseStream} needs. */
export interface ResponseStreamOptions {
  body: ReadableStream<Uint8Array>
  request: JSONRPCRequest
  exchange: Exchange
  /** Aborts everything: the exchange, the caller's signal and the transport's close. */
  signal: AbortSignal
  /** Whether the request may be POSTed again when no event id was seen. */
  idempotent: boolean
  keepAliveTimeout: number | undefined
  reconnect: ResolvedReconnectOptions
  dispatch: Dispatch
  /** Opens a GET stream that resumes after `lastEventId` (or a plain GET without one). */
  resume: (lastEventId: string | undefined) => Promise<ReadableStream<Uint8Array>>
  /** POSTs the request again. */
  repost: () => Promise<void>
  /** `POST http://host/mcp (tools/call)`, for error messages. */
  describe: string
}

/**
 * Reads a response stream until the response to `request` was dispatched. When the stream ends
 * or breaks first, waits the server's `retry` and resumes with `Last-Event-ID`; when no event id
 * was ever seen, POSTs an idempotent request again and resumes any other with a plain GET.
 * Rejects with a `LocalError` when the response cannot arrive any more.
 */
export async function readResponseStream(options: ResponseStreamOptions): Promise<void> {
  const { request, exchange, signal, reconnect, describe } = options
  const context = { relatedRequestId: request.id }
  let body = options.body
  let lastEventId: string | undefined
  let retry: number | undefined
  let failures = 0
  let lastError: unknown

  for (;;) {
    let progressed = false
    const result = await readSse(body, {
      onEvent: (event) => {
        if (event.data === '') return
        progressed = true
        const problem = dispatchBody(event.data, context, options.dispatch)
        if (problem !== undefined) {
          throw new LocalError(
            'protocol',
            `${describe} sent an event that is not JSON-RPC: ${problem}`,
          )
        }
      },
      idleTimeout: options.keepAliveTimeout,
      signal,
    })
    if (exchange.done) return
    if (result.reason === 'aborted') throw abortReason(signal, describe, request.method)
    if (result.reason === 'error' && result.error instanceof LocalError) throw result.error
    lastEventId = result.lastEventId ?? lastEventId
    retry = result.retry ?? retry
    if (progressed) failures = 0

    // The stream ended or broke before the response: resume it, within the budget.
    for (;;) {
      if (failures >= reconnect.maxRetries) {
        throw new LocalError(
          'network',
          `The response stream of ${describe} broke and could not be resumed after ${failures} attempts`,
          { method: request.method, cause: lastError },
        )
      }
      const waited = await sleep(reconnectDelay(failures, retry, reconnect), signal)
      if (exchange.done) return
      if (!waited) throw abortReason(signal, describe, request.method)
      failures++
      try {
        if (lastEventId === undefined && options.idempotent) {
          await options.repost()
          return
        }
        body = await options.resume(lastEventId)
        exchange.resumed = true
        break
      } catch (error) {
        if (exchange.done) return
        // Only a connection failure is worth another attempt; a refusal is final.
        if (!(error instanceof LocalError) || error.type !== 'network') throw error
        lastError = error
      }
    }
  }
}

function abortReason(signal: AbortSignal, describe: string, method: string): LocalError {
  const reason: unknown = signal.reason
  if (reason instanceof LocalError) return reason
  return new LocalError('aborted', `${describe} was aborted`, { method })
}

/**
 * One 2026-07-28 POST: the request (or notification) out, and everything that comes back in,
 * JSON or SSE, read as an outcome rather than thrown: the response whatever its HTTP status, an
 * error status without a JSON-RPC body, or a stream that ended before the response (2026-07-28
 * streams cannot be resumed).
 * @module
 */
import {
  LocalError,
  isJSONRPCErrorResponse,
  isJSONRPCNotification,
  isJSONRPCRequest,
  isJSONRPCResultResponse,
  parseJsonRpcBody,
  type JSONRPCErrorResponse,
  type JSONRPCMessage,
  type JSONRPCNotification,
  type JSONRPCResultResponse,
  type RequestId,
} from '@mcp-sse/protocol'
import { describeRequest, httpStatusErrorWithDetail } from '../http/errors.js'
import type { HttpClient } from '../http/http-client.js'
import { readSse } from '../sse/read-sse.js'

/** What one POST needs. */
export interface ExchangeOptions {
  http: HttpClient
  url: string
  /** The request or notification, `_meta` included. */
  message: { jsonrpc: '2.0'; id?: RequestId; method: string; params?: Record<string, unknown> }
  /** The request metadata headers. */
  headers: Record<string, string>
  /** Aborts the exchange; on 2026-07-28 HTTP, closing the stream is the cancellation. */
  signal?: AbortSignal | undefined
  /** Milliseconds until the response headers arrive; `false` for none. @default false */
  timeout?: number | false | undefined
  /** The request may be repeated when the connection fails (not only when it is refused). */
  idempotent?: boolean | undefined
  /** A stream on which nothing arrived for this long is dead. */
  keepAliveTimeout?: number | undefined
  /** Every notification that arrives before the response (progress, logs, listen events). */
  onNotification?: ((notification: JSONRPCNotification) => void) | undefined
  /** Messages that are neither: a request (servers send none in 2026-07-28), garbage. */
  onError?: ((error: LocalError) => void) | undefined
}

/** How one POST ended. */
export type ExchangeOutcome =
  /** The JSON-RPC response arrived (result or error), whatever the HTTP status. */
  | { type: 'response'; status: number; response: JSONRPCResultResponse | JSONRPCErrorResponse }
  /** An error status without a JSON-RPC error body; `body` is the parsed JSON, if any. */
  | { type: 'status'; status: number; body: unknown; error: LocalError }
  /** The stream ended or went silent before the response. The request may or may not have run. */
  | { type: 'broken'; status: number; error: LocalError }
  /** `202 Accepted`: the answer to a notification. */
  | { type: 'accepted'; status: number }

const ACCEPT = 'application/json, text/event-stream'
/** How long a response stream may stay open after its response before it is cut. */
const STREAM_LINGER_MS = 2_000

/**
 * POSTs one message and reads what comes back. Rejects only with a `LocalError`: `network`,
 * `timeout` or `aborted` when no answer came, `protocol` when the answer is not MCP.
 *
 * @example
 * ```ts
 * const outcome = await exchange({ http, url, message, headers, onNotification })
 * if (outcome.type === 'response') deliver(outcome.response)
 * ```
 */
export async function exchange(options: ExchangeOptions): Promise<ExchangeOutcome> {
  const { http, url, message } = options
  const rpcMethod = message.method
  const describe = describeRequest({ method: 'POST', url, rpcMethod })
  const controller = new AbortController()
  const caller = options.signal
  const onAbort = () => {
    controller.abort(caller?.reason)
  }
  if (caller?.aborted === true) onAbort()
  caller?.addEventListener('abort', onAbort, { once: true })
  try {
    const response = await http.request({
      method: 'POST',
      url,
      body: JSON.stringify(message),
      headers: { ...options.headers, 'content-type': 'application/json', accept: ACCEPT },
      signal: controller.signal,
      timeout: options.timeout ?? false,
      rpcMethod,
      retry: options.idempotent === true ? 'safe' : 'refused',
    })
    if (controller.signal.aborted) {
      // An in-process `fetch` may still answer a request its caller gave up on.
      response.body?.cancel().catch(() => {})
      throw abortError(options, describe)
    }
    const status = response.status
    const type = response.headers.get('content-type') ?? ''
    if (status === 202 || (message.id === undefined && response.ok)) {
      response.body?.cancel().catch(() => {})
      if (message.id === undefined) return { type: 'accepted', status }
      throw new LocalError('protocol', `${describe} answered a request with 202 Accepted`, {
        method: rpcMethod,
        url,
        status,
      })
    }
    if (response.ok && type.includes('text/event-stream') && response.body !== null) {
      return await readStream(response.body, status, controller, options, describe)
    }
    const text = await response.text().catch(() => '')
    const body = parseJson(text)
    const answer = responseIn(body, message.id, !response.ok)
    if (answer !== undefined) return { type: 'response', status, response: answer }
    if (!response.ok) {
      const error = httpStatusErrorWithDetail(response, detailOf(text, body), {
        method: 'POST',
        url,
        rpcMethod,
      })
      return { type: 'status', status, body, error }
    }
    throw new LocalError(
      'protocol',
      type.includes('application/json')
        ? `${describe} answered with a body that is not the JSON-RPC response`
        : `${describe} answered with unsupported content type "${type}"`,
      { method: rpcMethod, url, status },
    )
  } finally {
    caller?.removeEventListener('abort', onAbort)
  }
}

async function readStream(
  body: ReadableStream<Uint8Array>,
  status: number,
  controller: AbortController,
  options: ExchangeOptions,
  describe: string,
): Promise<ExchangeOutcome> {
  const { message, url } = options
  let answer: JSONRPCResultResponse | JSONRPCErrorResponse | undefined
  let linger: ReturnType<typeof setTimeout> | undefined
  const result = await readSse(body, {
    onEvent: (event) => {
      if (event.data === '') return
      const parsed = parseJsonRpcBody(event.data, { batches: false })
      if (!parsed.success) {
        options.onError?.(
          new LocalError('protocol', `${describe} sent an event that is not JSON-RPC`, {
            method: message.method,
            url,
          }),
        )
        return
      }
      for (const incoming of parsed.messages) {
        if (answer === undefined && isAnswerTo(incoming, message.id)) {
          answer = incoming
          // The server SHOULD end the stream after the response; reading it to its end keeps
          // the connection reusable, but a stream left open is cut.
          linger = setTimeout(() => {
            controller.abort()
          }, STREAM_LINGER_MS)
        } else if (isJSONRPCNotification(incoming)) {
          options.onNotification?.(incoming)
        } else if (isJSONRPCRequest(incoming)) {
          options.onError?.(
            new LocalError(
              'protocol',
              `${describe} sent a ${incoming.method} request, which 2026-07-28 servers do not send`,
              { method: message.method, url },
            ),
          )
        }
      }
    },
    idleTimeout: options.keepAliveTimeout,
    signal: controller.signal,
  })
  clearTimeout(linger)
  if (answer !== undefined) return { type: 'response', status, response: answer }
  if (result.reason === 'aborted') throw abortError(options, describe)
  const why =
    result.reason === 'idle'
      ? `went silent for ${String(options.keepAliveTimeout)} ms`
      : result.reason === 'error'
        ? 'broke'
        : 'ended'
  const error = new LocalError(
    'network',
    `${describe}: the event stream ${why} before the response arrived`,
    { method: message.method, url, status, cause: result.error },
  )
  return { type: 'broken', status, error }
}

/** The caller's reason when it is ours (the transport closed), else a plain abort. */
function abortError(options: ExchangeOptions, describe: string): LocalError {
  const reason: unknown = options.signal?.reason
  if (reason instanceof LocalError) return reason
  return new LocalError('aborted', `${describe} was aborted`, {
    method: options.message.method,
    url: options.url,
  })
}

function isAnswerTo(
  message: JSONRPCMessage,
  id: RequestId | undefined,
): message is JSONRPCResultResponse | JSONRPCErrorResponse {
  return (isJSONRPCResultResponse(message) || isJSONRPCErrorResponse(message)) && message.id === id
}

/** The response in a JSON body: ours, or an error without an id on an error status. */
function responseIn(
  body: unknown,
  id: RequestId | undefined,
  errorStatus: boolean,
): JSONRPCResultResponse | JSONRPCErrorResponse | undefined {
  if (body === undefined || Array.isArray(body)) return undefined
  const message = body as JSONRPCMessage
  if (isAnswerTo(message, id)) return message
  if (errorStatus && isJSONRPCErrorResponse(message) && message.id == null) {
    return { ...message, id }
  }
  return undefined
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}

function detailOf(text: string, body: unknown): string {
  const message = (body as { error?: { message?: unknown } } | null | undefined)?.error?.message
  const detail = typeof message === 'string' ? message : text.trim()
  return detail.length > 200 ? `${detail.slice(0, 200)}…` : detail
}
